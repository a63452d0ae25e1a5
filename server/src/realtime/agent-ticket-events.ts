/**
 * @module Ticket events on the /agent namespace, beside the chat events of agent-namespace.ts:
 * validated with the shared schemas, answered with the standard ack. The handshake there has
 * already signed the agent in.
 */
import { agentTicketClientEvents } from '@parley/shared';
import type { Logger } from '../logger.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import { publicTicket, type Tickets } from '../domain/tickets.ts';
import type { TicketInbox } from '../domain/ticket-inbox.ts';
import { bindHandlers } from './validated-handler.ts';
import type { AgentNamespace } from './namespaces.ts';

export function setUpAgentTicketEvents(
  nsp: AgentNamespace,
  deps: { tickets: Tickets; inbox: TicketInbox; logger: Logger },
): void {
  nsp.on('connection', (socket) => {
    const agent = (socket.data as { agent: AgentRecord }).agent;
    bindHandlers(
      socket,
      agentTicketClientEvents,
      {
        'ticket:convert': async ({ conversationId, email }) =>
          publicTicket(await deps.tickets.convert(agent, conversationId, email)),
        'ticket:reply': ({ conversationId, clientMessageId, body }) =>
          deps.tickets.reply(agent, conversationId, clientMessageId, body),
        'ticket:status': async ({ conversationId, status }) =>
          publicTicket(await deps.tickets.setStatus(conversationId, status)),
        'ticket:list': (filter) => deps.inbox.list(filter),
        'ticket:get': ({ conversationId }) => deps.inbox.detail(conversationId),
        'ticket:note': ({ conversationId, clientNoteId, body }) =>
          deps.inbox.addNote(agent, conversationId, clientNoteId, body),
        'ticket:assign': async ({ conversationId }) => publicTicket(await deps.inbox.assignTo(agent, conversationId)),
      },
      deps.logger,
    );
  });
}
