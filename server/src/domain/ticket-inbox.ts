/**
 * @module The agents' side of tickets apart from answering them: the inbox (a filtered page of
 * tickets), one ticket with its whole thread, private notes on it, and taking it. Every agent sees
 * every ticket: an emailed question belongs to the team until someone takes it.
 */
import {
  TICKET_PAGE_SIZE,
  type Note,
  type TicketDetail,
  type TicketListResult,
  type TicketStatus,
} from '@parley/shared';
import { notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { TicketRecord } from '../store/ticket-store.ts';
import type { EventSink } from './events.ts';
import { HISTORY_PAGE } from './conversations.ts';
import { storeNote } from './private-notes.ts';
import { publicTicket } from './tickets.ts';

export interface TicketInboxDeps {
  store: Store;
  events: EventSink;
  now: () => Date;
}

export class TicketInbox {
  readonly #deps: TicketInboxDeps;

  constructor(deps: TicketInboxDeps) {
    this.#deps = deps;
  }

  async list(filter: { status?: TicketStatus; email?: string; page: number }): Promise<TicketListResult> {
    const email = filter.email?.trim() || undefined;
    // One row past the page says whether there is another page, without counting.
    const rows = await this.#deps.store.tickets.list({
      ...(filter.status ? { status: filter.status } : {}),
      ...(email ? { email } : {}),
      limit: TICKET_PAGE_SIZE + 1,
      offset: filter.page * TICKET_PAGE_SIZE,
    });
    return { tickets: rows.slice(0, TICKET_PAGE_SIZE).map(publicTicket), hasMore: rows.length > TICKET_PAGE_SIZE };
  }

  async detail(conversationId: string): Promise<TicketDetail> {
    const { store } = this.#deps;
    const ticket = await this.#ticket(conversationId);
    const [messages, notes] = await Promise.all([
      store.messages.listAfter(conversationId, 0, HISTORY_PAGE),
      store.notes.listFor(conversationId),
    ]);
    return { ticket: publicTicket(ticket), messages, notes };
  }

  /** Any agent may note on a ticket; a retry with the same clientNoteId is stored once. */
  async addNote(agent: AgentRecord, conversationId: string, clientNoteId: string, body: string): Promise<Note> {
    const ticket = await this.#ticket(conversationId);
    const { note, created } = await storeNote(
      this.#deps.store,
      agent,
      conversationId,
      clientNoteId,
      body,
      this.#deps.now(),
    );
    // Other agents with the ticket open reload it on this push; the chat's note:new goes to a chat's agent only.
    if (created) this.#deps.events.publish({ type: 'ticket.updated', ticket: publicTicket(ticket) });
    return note;
  }

  async assignTo(agent: AgentRecord, conversationId: string): Promise<TicketRecord> {
    const ticket = await this.#ticket(conversationId);
    if (ticket.assignee?.id === agent.id) return ticket;
    const updated = await this.#deps.store.tickets.update(conversationId, { assigneeId: agent.id });
    if (!updated) throw notFound('Ticket');
    this.#deps.events.publish({ type: 'ticket.updated', ticket: publicTicket(updated) });
    return updated;
  }

  async #ticket(conversationId: string): Promise<TicketRecord> {
    const ticket = await this.#deps.store.tickets.findByConversation(conversationId);
    if (!ticket) throw notFound('Ticket');
    return ticket;
  }
}
