/**
 * @module An in-memory ticket server behind the TicketChannel seam (FakeChannel.tickets): it lists by
 * status and email newest activity first, stores replies and notes, and pushes ticket:updated for every
 * change, as the server contract describes.
 */
import {
  ErrorCode,
  TICKET_PAGE_SIZE,
  type Agent,
  type Attachment,
  type Message,
  type Note,
  type Ticket,
  type TicketStatus,
} from '@parley/shared';
import { RequestError } from '../../src/api/agent-channel.ts';
import type { TicketChannel, TicketPush } from '../../src/api/ticket-channel.ts';
import { iso } from './fixtures.ts';

export function makeTicket(overrides: Partial<Ticket> & { conversationId: string }): Ticket {
  return {
    siteId: 'site-1',
    visitorId: `visitor-of-${overrides.conversationId}`,
    status: 'open',
    source: 'offline',
    email: 'visitor@example.com',
    assignee: null,
    createdAt: iso(0),
    lastActivityAt: iso(0),
    solvedAt: null,
    ...overrides,
  };
}

export class FakeTickets implements TicketChannel {
  readonly calls: Array<{ event: string; payload: unknown }> = [];
  private readonly tickets = new Map<string, Ticket>();
  private readonly messages = new Map<string, Message[]>();
  private readonly notes = new Map<string, Note[]>();
  private readonly listeners = new Set<(push: TicketPush) => void>();
  private clock = 100_000;
  /** Files uploaded into conversations (FakeUploads.stored): a reply's attachmentIds name them. */
  files = new Map<string, Attachment>();

  /** `chats` is the chat side of the fake server: converting reads the visitor's email there and moves the chat. */
  constructor(
    private readonly agent: Agent,
    private readonly chats: { emailOf(conversationId: string): string | null; converted(conversationId: string): void },
  ) {}

  async list(request: { status?: TicketStatus | undefined; email?: string | undefined; page?: number | undefined }) {
    this.calls.push({ event: 'ticket:list', payload: request });
    const needle = request.email?.trim().toLowerCase() ?? '';
    const page = request.page ?? 0;
    const matching = [...this.tickets.values()]
      .filter((t) => (request.status ? t.status === request.status : true) && t.email.toLowerCase().includes(needle))
      .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
    return {
      tickets: matching.slice(page * TICKET_PAGE_SIZE, (page + 1) * TICKET_PAGE_SIZE),
      hasMore: matching.length > (page + 1) * TICKET_PAGE_SIZE,
    };
  }

  async get(request: { conversationId: string }) {
    this.calls.push({ event: 'ticket:get', payload: request });
    const ticket = this.find(request.conversationId);
    return {
      ticket,
      messages: this.messages.get(ticket.conversationId) ?? [],
      notes: this.notes.get(ticket.conversationId) ?? [],
    };
  }

  async reply(request: {
    conversationId: string;
    clientMessageId: string;
    body: string;
    attachmentIds?: string[] | undefined;
  }) {
    this.calls.push({ event: 'ticket:reply', payload: request });
    const attachments = (request.attachmentIds ?? []).map((id) => {
      const file = this.files.get(id);
      if (!file) throw new RequestError(ErrorCode.InvalidPayload, 'Attach files uploaded into this conversation');
      return file;
    });
    const message = this.addMessage(
      request.conversationId,
      { kind: 'agent', id: this.agent.id, name: this.agent.name },
      request.body,
      attachments,
    );
    const ticket = this.change(request.conversationId, (t) => ({
      status: 'pending',
      assignee: t.assignee ?? { id: this.agent.id, name: this.agent.name },
    }));
    return { ticket, message };
  }

  async note(request: { conversationId: string; clientNoteId: string; body: string }) {
    this.calls.push({ event: 'ticket:note', payload: request });
    const ticket = this.find(request.conversationId);
    const held = this.notes.get(ticket.conversationId) ?? [];
    const note: Note = {
      id: `note-${held.length + 1}`,
      conversationId: ticket.conversationId,
      afterSeq: (this.messages.get(ticket.conversationId) ?? []).length,
      author: { id: this.agent.id, name: this.agent.name },
      body: request.body,
      transferredTo: null,
      createdAt: iso(this.tick()),
    };
    this.notes.set(ticket.conversationId, [...held, note]);
    this.push({ event: 'ticket:updated', payload: ticket });
    return note;
  }

  async setStatus(request: { conversationId: string; status: TicketStatus }) {
    this.calls.push({ event: 'ticket:status', payload: request });
    return this.change(request.conversationId, () => ({
      status: request.status,
      solvedAt: request.status === 'solved' ? iso(this.clock) : null,
    }));
  }

  async assign(request: { conversationId: string }) {
    this.calls.push({ event: 'ticket:assign', payload: request });
    return this.change(request.conversationId, () => ({ assignee: { id: this.agent.id, name: this.agent.name } }));
  }

  async convert(request: { conversationId: string; email?: string | undefined }) {
    this.calls.push({ event: 'ticket:convert', payload: request });
    const existing = this.tickets.get(request.conversationId);
    if (existing) return existing;
    const email = request.email ?? this.chats.emailOf(request.conversationId);
    if (!email) throw new RequestError(ErrorCode.InvalidPayload, 'email: the visitor has not given an email address');
    const ticket = makeTicket({
      conversationId: request.conversationId,
      source: 'agent',
      email,
      assignee: { id: this.agent.id, name: this.agent.name },
      lastActivityAt: iso(this.tick()),
    });
    this.tickets.set(ticket.conversationId, ticket);
    this.chats.converted(ticket.conversationId);
    this.push({ event: 'ticket:updated', payload: ticket });
    return ticket;
  }

  onPush(listener: (push: TicketPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── what the server does, for tests to call ──────────────────
  seed(ticket: Ticket, messages: string[] = []): void {
    this.tickets.set(ticket.conversationId, ticket);
    for (const body of messages)
      this.addMessage(ticket.conversationId, { kind: 'visitor', id: ticket.visitorId, name: null }, body);
  }

  /** The visitor answered by email: the message lands and the ticket is open again. */
  visitorEmails(conversationId: string, body: string, attachments: Attachment[] = []): void {
    const ticket = this.find(conversationId);
    const visitor = { kind: 'visitor' as const, id: ticket.visitorId, name: null };
    const message = this.addMessage(conversationId, visitor, body, attachments);
    const reopened = this.change(conversationId, () => ({ status: 'open', solvedAt: null }));
    this.push({ event: 'ticket:message', payload: { ticket: reopened, message } });
  }

  /** Another agent changed the ticket. */
  changedElsewhere(conversationId: string, change: Partial<Ticket>): void {
    this.change(conversationId, () => change);
  }

  private change(conversationId: string, change: (ticket: Ticket) => Partial<Ticket>): Ticket {
    const ticket = this.find(conversationId);
    const updated = { ...ticket, ...change(ticket), lastActivityAt: iso(this.tick()) };
    this.tickets.set(conversationId, updated);
    this.push({ event: 'ticket:updated', payload: updated });
    return updated;
  }

  private addMessage(
    conversationId: string,
    author: Message['author'],
    body: string,
    attachments: Attachment[] = [],
  ): Message {
    const held = this.messages.get(conversationId) ?? [];
    const message: Message = {
      id: `${conversationId}-m${held.length + 1}`,
      conversationId,
      seq: held.length + 1,
      clientMessageId: null,
      author,
      body,
      createdAt: iso(this.tick()),
      attachments,
    };
    this.messages.set(conversationId, [...held, message]);
    return message;
  }

  private find(conversationId: string): Ticket {
    const ticket = this.tickets.get(conversationId);
    if (!ticket) throw new RequestError(ErrorCode.NotFound, 'Ticket not found');
    return ticket;
  }

  private tick(): number {
    this.clock += 1_000;
    return this.clock;
  }

  private push(push: TicketPush): void {
    this.listeners.forEach((listener) => listener(push));
  }
}
