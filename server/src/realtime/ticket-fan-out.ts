/**
 * @module Delivers ticket events to agents: changes to every agent (their inboxes list all tickets),
 * a new message in a ticket to its assignee, or to every agent while nobody has it.
 */
import type { AgentNamespace } from './namespaces.ts';
import type { DomainEvent } from '../domain/events.ts';
import { ALL_AGENTS_ROOM, agentRoom } from './agent-namespace.ts';

export function createTicketFanOut(agents: AgentNamespace): (event: DomainEvent) => void {
  return (event) => {
    if (event.type === 'ticket.updated') {
      agents.to(ALL_AGENTS_ROOM).emit('ticket:updated', event.ticket);
    } else if (event.type === 'ticket.message') {
      const room = event.ticket.assignee ? agentRoom(event.ticket.assignee.id) : ALL_AGENTS_ROOM;
      agents.to(room).emit('ticket:message', { ticket: event.ticket, message: event.message });
    }
  };
}
