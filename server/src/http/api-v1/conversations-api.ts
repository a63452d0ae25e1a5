/**
 * @module /api/v1/conversations: list (filters, cursor pages), read, and act on a conversation as an
 * agent (or send as the site's bot while it holds the conversation): send, assign, transfer, close,
 * reopen, convert to a ticket. Every action is the domain call the console's socket events make
 * (agent-namespace.ts, agent-ticket-events.ts).
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { apiV1Routes, type Conversation } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, forbidden, notFound } from '../../errors.ts';
import type { DomainServices } from '../../composition/domain-services.ts';
import type { Store } from '../../store/store.ts';
import { publicTicket } from '../../domain/tickets.ts';
import { apiHandle } from './api-route.ts';
import { apiTokenOf, assertSite } from './api-auth.ts';
import { actingAgent } from './acting-agent.ts';
import { assertBotMayAct } from './bot-api.ts';

export interface ApiV1Deps {
  store: Store;
  services: DomainServices;
  publicUrl: () => string;
}

/** The cursor is the last row's (createdAt, id), opaque to the caller. */
function encodeCursor(conversation: Conversation): string {
  return Buffer.from(JSON.stringify([conversation.createdAt, conversation.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw new ParleyError(ErrorCode.InvalidPayload, 'cursor: not a cursor this API gave', {
    issues: [{ path: 'cursor', message: 'not a cursor this API gave' }],
  });
}

export function conversationsApiRouter({ store, services }: ApiV1Deps): Router {
  const router = Router();
  const routes = apiV1Routes.conversations;

  const conversationFor = async (req: Request, id: string): Promise<Conversation> => {
    const conversation = await store.conversations.findById(id);
    if (!conversation) throw notFound('Conversation');
    assertSite(apiTokenOf(req), conversation.siteId, 'Conversation');
    await assertBotMayAct(store, apiTokenOf(req), conversation);
    return conversation;
  };

  apiHandle(router, routes.list, async ({ query }, req) => {
    const token = apiTokenOf(req);
    const { siteId } = query;
    if (siteId !== undefined) assertSite(token, siteId, 'Site');
    const conversations = await store.conversationList.list({
      siteIds: siteId !== undefined ? [siteId] : token.siteIds,
      status: query.status,
      agentId: query.agentId,
      visitorId: query.visitorId,
      before: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = conversations.slice(0, query.limit);
    const last = page.at(-1);
    return {
      conversations: page,
      nextCursor: conversations.length > query.limit && last ? encodeCursor(last) : null,
    };
  });

  apiHandle(router, routes.get, async ({ params }, req) => ({
    conversation: await conversationFor(req, params.conversationId),
  }));

  apiHandle(router, routes.messages, async ({ params, query }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const messages = await store.messages.listAfter(conversation.id, query.afterSeq, query.limit + 1);
    const page = messages.slice(0, query.limit);
    return { messages: page, nextAfterSeq: messages.length > query.limit ? (page.at(-1)?.seq ?? null) : null };
  });

  apiHandle(router, routes.send, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    if (body.as === 'bot') {
      if (body.agentId !== undefined) throw new ParleyError(ErrorCode.InvalidPayload, 'A bot message names no agent');
      // the bot's own path: seq, events, resume and reports see it as the bot's, as the built-in bot's
      const said = await services.answerBot.conversations.say(conversation, body.body, body.content ?? null);
      if (!said) throw new ParleyError(ErrorCode.Conflict, 'The conversation is not with the bot');
      // the bot answered: its visitor no longer waits (the handoff timeout stops)
      await services.answerBot.conversations.waiting(conversation.id, false);
      return { message: said.message };
    }
    if (apiTokenOf(req).botSiteId != null) throw forbidden('A bot sends as the bot ("as": "bot")');
    const agent = await actingAgent(store, conversation, body.agentId);
    // without one, each call is a new message: retries are what Idempotency-Key is for
    const clientMessageId = body.clientMessageId ?? `api_${randomBytes(12).toString('base64url')}`;
    const sent = await services.conversations.sendFromAgent(
      agent,
      conversation.id,
      clientMessageId,
      body.body,
      body.content ?? null,
    );
    return { message: sent.message };
  });

  apiHandle(router, routes.assign, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const agent = await actingAgent(store, conversation, body.agentId);
    const {
      lastMessage: _lastMessage,
      origin: _origin,
      ...assigned
    } = await services.dispatcher.accept(agent, conversation.id);
    return { conversation: assigned };
  });

  apiHandle(router, routes.transfer, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const agent = await actingAgent(store, conversation, body.agentId);
    return {
      conversation: await services.handoffs.transfer(agent, conversation.id, body.toAgentId, body.note),
    };
  });

  apiHandle(router, routes.close, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const agent = await actingAgent(store, conversation, body.agentId);
    return { conversation: await services.conversations.close({ side: 'agent', agent }, conversation.id) };
  });

  apiHandle(router, routes.reopen, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const agent = await actingAgent(store, conversation, body.agentId);
    return { conversation: await services.handoffs.reopen(agent, conversation.id) };
  });

  apiHandle(router, routes.convertToTicket, async ({ params, body }, req) => {
    const conversation = await conversationFor(req, params.conversationId);
    const agent = await actingAgent(store, conversation, body.agentId);
    return { ticket: publicTicket(await services.email.tickets.convert(agent, conversation.id, body.email)) };
  });

  return router;
}
