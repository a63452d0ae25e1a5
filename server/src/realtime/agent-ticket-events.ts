/**
 * @module Ticket events on the /agent namespace, beside the chat events of agent-namespace.ts:
 * validated with the shared schemas, answered with the standard ack. Each event acts for the agent
 * as stored at that moment (agent-access.ts).
 */
import { agentTicketClientEvents } from '@parley/shared';
import { publicTicket, type Tickets } from '../domain/tickets.ts';
import type { TicketInbox } from '../domain/ticket-inbox.ts';
import { bindAgentHandlers, type AgentAccessDeps } from './agent-access.ts';
import type { AgentNamespace } from './namespaces.ts';

export function setUpAgentTicketEvents(
  nsp: AgentNamespace,
  deps: { tickets: Tickets; inbox: TicketInbox } & AgentAccessDeps,
): void {
  nsp.on('connection', (socket) => {
    bindAgentHandlers(
      socket,
      agentTicketClientEvents,
      {
        'ticket:convert': async ({ conversationId, email }, agent) =>
          publicTicket(await deps.tickets.convert(agent, conversationId, email)),
        'ticket:reply': ({ conversationId, clientMessageId, body, attachmentIds = [] }, agent) =>
          deps.tickets.reply(agent, conversationId, clientMessageId, body, attachmentIds),
        'ticket:status': async ({ conversationId, status }) =>
          publicTicket(await deps.tickets.setStatus(conversationId, status)),
        'ticket:list': (filter) => deps.inbox.list(filter),
        'ticket:get': ({ conversationId }) => deps.inbox.detail(conversationId),
        'ticket:note': ({ conversationId, clientNoteId, body }, agent) =>
          deps.inbox.addNote(agent, conversationId, clientNoteId, body),
        'ticket:assign': async ({ conversationId }, agent) =>
          publicTicket(await deps.inbox.assignTo(agent, conversationId)),
      },
      deps,
    );
  });
}
