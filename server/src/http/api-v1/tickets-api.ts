/**
 * @module /api/v1/tickets: the inbox, one ticket, and its status, through the calls the console's
 * ticket events make (agent-ticket-events.ts). A token limited to sites sees only their tickets.
 */
import { Router, type Request } from 'express';
import { apiV1Routes } from '@parley/shared';
import { notFound } from '../../errors.ts';
import { publicTicket } from '../../domain/tickets.ts';
import { apiHandle } from './api-route.ts';
import { allowsSite, apiTokenOf, assertSite } from './api-auth.ts';
import type { ApiV1Deps } from './conversations-api.ts';

export function ticketsApiRouter({ store, services }: ApiV1Deps): Router {
  const router = Router();
  const routes = apiV1Routes.tickets;
  const inbox = services.ticketInbox;

  const checkSite = async (req: Request, conversationId: string): Promise<void> => {
    const ticket = await store.tickets.findByConversation(conversationId);
    if (!ticket) throw notFound('Ticket');
    assertSite(apiTokenOf(req), ticket.siteId, 'Ticket');
  };

  apiHandle(router, routes.list, async ({ query }, req) => {
    const token = apiTokenOf(req);
    const page = await inbox.list(query);
    // the inbox pages over every site; a limited token's page may hold fewer (hasMore still says more)
    return { ...page, tickets: page.tickets.filter((ticket) => allowsSite(token, ticket.siteId)) };
  });

  apiHandle(router, routes.get, async ({ params }, req) => {
    await checkSite(req, params.conversationId);
    return inbox.detail(params.conversationId);
  });

  apiHandle(router, routes.setStatus, async ({ params, body }, req) => {
    await checkSite(req, params.conversationId);
    return { ticket: publicTicket(await services.email.tickets.setStatus(params.conversationId, body.status)) };
  });

  return router;
}
