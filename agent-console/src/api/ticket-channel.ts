/**
 * @module The seam for email tickets on the /agent socket: the inbox, one ticket's thread, and what an
 * agent does to a ticket, plus the ticket pushes. Part of AgentChannel (same socket); the session hands
 * pages a stable one that follows reconnects (session-tickets.ts).
 */
import type {
  AckDataOf,
  AgentTicketPush,
  Note,
  PayloadOf,
  Ticket,
  TicketDetail,
  TicketListResult,
  agentTicketClientEvents,
} from '@parley/shared';

type TicketEvents = typeof agentTicketClientEvents;
type Payload<E extends keyof TicketEvents> = PayloadOf<TicketEvents, E>;
type Answer<E extends keyof TicketEvents> = AckDataOf<TicketEvents, E>;

export type TicketPush = AgentTicketPush;

export interface TicketChannel {
  list(request: Payload<'ticket:list'>): Promise<TicketListResult>;
  get(request: Payload<'ticket:get'>): Promise<TicketDetail>;
  reply(request: Payload<'ticket:reply'>): Promise<Answer<'ticket:reply'>>;
  note(request: Payload<'ticket:note'>): Promise<Note>;
  setStatus(request: Payload<'ticket:status'>): Promise<Ticket>;
  assign(request: Payload<'ticket:assign'>): Promise<Ticket>;
  convert(request: Payload<'ticket:convert'>): Promise<Ticket>;
  onPush(listener: (push: TicketPush) => void): () => void;
}
