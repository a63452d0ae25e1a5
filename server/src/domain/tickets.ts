/**
 * @module Tickets: a conversation that continues by email. Opening one (an offline message, a
 * queued visitor who waited too long, an agent's choice), answering it, changing its status, and
 * taking in the visitor's emailed replies. Every mail is stored in the outbox together with the
 * change that causes it; sending is someone else's job (the mails' composer: ticket-mail.ts).
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation, ConversationStatus, Message, Ticket, TicketSource, TicketStatus } from '@parley/shared';
import { ParleyError, forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { TicketRecord } from '../store/ticket-store.ts';
import type { EventSink } from './events.ts';
import type { TicketMailer, TicketThread } from './ticket-mail.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { HISTORY_PAGE } from './conversations.ts';
import { newId } from './ids.ts';
import type { VisitorMailLimits } from './visitor-mail-limits.ts';
import { replyFiles } from './attachments/reply-files.ts';

export interface TicketsDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  mailer: TicketMailer;
  /** Confirmations a visitor's action causes stay within these (an agent's conversion is not limited). */
  mailLimits: VisitorMailLimits;
  now: () => Date;
  /** A queued visitor who waited this long is answered by email, unless their site sets its own; 0: never. */
  queueMaxWaitSeconds: number;
}

/** The client id an emailed reply is stored under: one mail delivered twice is one message. */
export const emailedReplyClientId = (dedupeKey: string): string => `email_${dedupeKey}`;

/** An emailed reply as the inbound side found it. */
export interface EmailedReply {
  body: string;
  /** The mail's own Message-ID, the next agent reply's In-Reply-To. */
  messageId: string | null;
  /** Stable for one email (its Message-ID, or a hash of it): a redelivery is stored once. */
  dedupeKey: string;
  /** Its files, stored already (mail/inbound-attachments.ts); the message takes them. */
  attachmentIds?: readonly string[];
}

/** The ticket as the console sees it: no reply token, no mail thread ids. */
export function publicTicket(record: TicketRecord): Ticket {
  const { replyToken: _token, rootMessageId: _root, lastMessageId: _last, ...ticket } = record;
  return ticket;
}

export class Tickets {
  readonly #deps: TicketsDeps;

  constructor(deps: TicketsDeps) {
    this.#deps = deps;
  }

  /** offline:message left an offline conversation: it becomes a ticket (idempotent, like the message). */
  async openFromOffline(conversation: Conversation): Promise<TicketRecord | undefined> {
    if (!conversation.visitorEmail) return undefined;
    return (await this.#open(conversation, 'offline', ['offline'], null, conversation.visitorEmail))?.ticket;
  }

  /**
   * Queued visitors who waited longer than their site's maximum: those who gave an email get a
   * ticket instead; the others are told (again on every pass, so a widget that reconnected hears it
   * too) and asked for an address (ticket:request).
   */
  async convertOverdue(): Promise<TicketRecord[]> {
    const { store, dispatcher, events } = this.#deps;
    const now = this.#deps.now().getTime();
    const limits = new Map<string, number>();
    const converted: TicketRecord[] = [];
    for (const conversation of await store.conversations.listQueued()) {
      let limit = limits.get(conversation.siteId);
      if (limit === undefined) {
        limit =
          (await store.sites.findById(conversation.siteId))?.queueMaxWaitSeconds ?? this.#deps.queueMaxWaitSeconds;
        limits.set(conversation.siteId, limit);
      }
      if (limit <= 0 || Date.parse(conversation.createdAt) > now - limit * 1000) continue;
      if (!conversation.visitorEmail) {
        events.publish({ type: 'queue.overdue', conversation });
        continue;
      }
      // From `queued` only: an agent who took it meanwhile wins.
      const opened = await this.#open(conversation, 'queue_timeout', ['queued'], null, conversation.visitorEmail);
      if (opened?.created) converted.push(opened.ticket);
    }
    if (converted.length > 0) dispatcher.announceQueue();
    return converted;
  }

  /**
   * "Answer me by email instead": the visitor's own queued conversation becomes a ticket with
   * everything said so far (idempotent). `email` is needed when the visitor has not given one.
   */
  async requestByVisitor(visitorId: string, conversationId: string, email: string | undefined): Promise<Conversation> {
    const { store, dispatcher } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    // someone else's conversation answers like a missing one
    if (!conversation || conversation.visitorId !== visitorId) throw notFound('Conversation');
    if (await store.tickets.findByConversation(conversation.id)) return conversation;
    if (conversation.status !== 'queued') {
      throw new ParleyError(
        ErrorCode.Conflict,
        'Only a conversation waiting for an agent can be answered by email instead',
      );
    }
    const address = email ?? conversation.visitorEmail;
    if (!address) {
      throw new ParleyError(ErrorCode.InvalidPayload, 'email: required, we have no address to answer to', {
        issues: [{ path: 'email', message: 'required: we have no address to answer to' }],
      });
    }
    if (address !== conversation.visitorEmail) {
      await store.visitors.updateProfile(conversation.visitorId, conversation.siteId, { email: address }, this.#now());
    }
    const opened = await this.#open(conversation, 'visitor', ['queued'], null, address);
    if (!opened) throw new ParleyError(ErrorCode.Conflict, 'An agent has just taken this conversation');
    dispatcher.announceQueue();
    return (await store.conversations.findById(conversation.id)) ?? conversation;
  }

  /**
   * answer bot (issue 22): the bot handed off while nobody answers live. With the visitor's email the
   * conversation becomes a ticket, as an offline message does; without one the widget asks for it
   * (queue:overdue, then ticket:request).
   */
  async handOffOffline(conversation: Conversation): Promise<void> {
    if (!conversation.visitorEmail) {
      this.#deps.events.publish({ type: 'queue.overdue', conversation });
      return;
    }
    const opened = await this.#open(conversation, 'offline', ['queued'], null, conversation.visitorEmail);
    if (opened?.created) this.#deps.dispatcher.announceQueue();
  }

  /**
   * The visitor wrote in the widget while their latest conversation is an unsolved ticket: the
   * message joins the ticket (open again: the agents' turn), and agents see it live, like an emailed reply.
   */
  async continueFromVisitor(conversation: Conversation, clientMessageId: string, body: string) {
    const ticket = await this.#deps.store.tickets.findByConversation(conversation.id);
    if (!ticket || ticket.status === 'solved') return undefined;
    const now = this.#now();
    const result = await this.#deps.store.tickets.appendMessage({
      message: {
        id: newId('msg'),
        conversationId: ticket.conversationId,
        clientMessageId,
        author: { kind: 'visitor', id: ticket.visitorId, name: null },
        body,
        now,
      },
      change: { status: 'open', lastActivityAt: now },
      mails: () => [],
    });
    if (result.created) await this.#announce(result.ticket, result.message, { live: true });
    const current = (await this.#deps.store.conversations.findById(conversation.id)) ?? conversation;
    return { message: result.message, conversation: current };
  }

  /** An agent makes a conversation they may see a ticket: theirs, a waiting one, or any for an admin. */
  async convert(agent: AgentRecord, conversationId: string, email: string | undefined): Promise<TicketRecord> {
    const { store, dispatcher } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    const existing = await store.tickets.findByConversation(conversation.id);
    if (existing) return existing;
    const mayConvert = agent.role === 'admin' || conversation.agent === null || conversation.agent.id === agent.id;
    if (!mayConvert) throw forbidden('This conversation is not assigned to you');
    const address = email ?? conversation.visitorEmail;
    if (!address) {
      throw new ParleyError(ErrorCode.InvalidPayload, 'email: the visitor has not given an email address', {
        issues: [{ path: 'email', message: 'required: the visitor has not given an email address' }],
      });
    }
    if (email && email !== conversation.visitorEmail) {
      await store.visitors.updateProfile(conversation.visitorId, conversation.siteId, { email }, this.#now());
    }
    const any: ConversationStatus[] = ['queued', 'active', 'closed', 'offline'];
    const opened = await this.#open(conversation, 'agent', any, agent.id, address);
    const ticket = opened?.ticket ?? (await store.tickets.findByConversation(conversation.id));
    if (!ticket) throw new ParleyError(ErrorCode.Conflict, 'The conversation changed meanwhile; try again');
    // It left the queue or freed the agent's seat: routing looks again.
    if (opened?.created && (conversation.status === 'queued' || conversation.status === 'active'))
      await dispatcher.drain();
    return ticket;
  }

  /** An agent's answer: stored in the conversation (the widget shows it) and mailed to the visitor. */
  async reply(agent: AgentRecord, conversationId: string, clientMessageId: string, body: string, fileIds: string[]) {
    const { store, mailer } = this.#deps;
    const ticket = await this.#ticket(conversationId);
    const files = await replyFiles(store, { conversationId: ticket.conversationId, clientMessageId }, fileIds);
    const siteName = await this.#siteName(ticket.siteId);
    const messageId = mailer.newMessageId();
    const now = this.#now();
    const result = await store.tickets.appendMessage({
      message: {
        id: newId('msg'),
        conversationId: ticket.conversationId,
        clientMessageId,
        author: { kind: 'agent', id: agent.id, name: agent.name },
        body,
        now,
      },
      // Answered: now the visitor's turn. Answering an unassigned ticket takes it.
      change: {
        status: 'pending',
        assigneeId: ticket.assignee?.id ?? agent.id,
        lastActivityAt: now,
        lastMessageId: messageId,
        solvedAt: null,
      },
      mails: (message) => [mailer.agentReply({ thread: ticket, siteName, message, files, messageId, now })],
      attachmentIds: files.map((file) => file.id),
    });
    if (result.created) await this.#announce(result.ticket, result.message, { live: false });
    return { ticket: publicTicket(result.ticket), message: result.message };
  }

  async setStatus(conversationId: string, status: TicketStatus): Promise<TicketRecord> {
    const ticket = await this.#ticket(conversationId);
    if (ticket.status === status) return ticket;
    const now = this.#now();
    const updated = await this.#deps.store.tickets.update(ticket.conversationId, {
      status,
      solvedAt: status === 'solved' ? now : null,
      lastActivityAt: now,
    });
    if (!updated) throw notFound('Ticket');
    this.#deps.events.publish({ type: 'ticket.updated', ticket: publicTicket(updated) });
    if (status === 'solved') this.#deps.events.publish({ type: 'ticket.solved', ticket: publicTicket(updated) });
    return updated;
  }

  /** The visitor answered by email: appended as theirs, and the ticket is open again (even if solved). */
  async receiveReply(ticket: TicketRecord, reply: EmailedReply): Promise<{ message: Message; duplicate: boolean }> {
    const now = this.#now();
    const result = await this.#deps.store.tickets.appendMessage({
      message: {
        id: newId('msg'),
        conversationId: ticket.conversationId,
        clientMessageId: emailedReplyClientId(reply.dedupeKey),
        author: { kind: 'visitor', id: ticket.visitorId, name: null },
        body: reply.body,
        now,
      },
      change: {
        status: 'open',
        solvedAt: null,
        lastActivityAt: now,
        ...(reply.messageId ? { lastMessageId: reply.messageId } : {}),
      },
      mails: () => [],
      attachmentIds: reply.attachmentIds ?? [],
    });
    if (result.created) await this.#announce(result.ticket, result.message, { live: true });
    return { message: result.message, duplicate: !result.created };
  }

  findByReplyToken(token: string): Promise<TicketRecord | undefined> {
    return this.#deps.store.tickets.findByReplyToken(token);
  }

  findBySentMessageId(messageIds: string[]): Promise<TicketRecord | undefined> {
    return this.#deps.store.tickets.findBySentMessageId(messageIds);
  }

  async #open(
    conversation: Conversation,
    source: TicketSource,
    fromStatuses: ConversationStatus[],
    assigneeId: string | null,
    email: string,
  ): Promise<{ ticket: TicketRecord; created: boolean } | undefined> {
    const { store, mailer, events, mailLimits } = this.#deps;
    const now = this.#now();
    const siteName = await this.#siteName(conversation.siteId);
    // A visitor typed this address: confirm within the limits, and never with their own words in
    // it, or anyone could mail a stranger any text from the operator's domain. An agent who opens
    // the ticket has read the conversation and chosen the address.
    const byAgent = source === 'agent';
    const confirm =
      byAgent ||
      (await mailLimits.allows({ siteId: conversation.siteId, visitorId: conversation.visitorId, address: email }));
    const transcript = await store.messages.listAfter(conversation.id, 0, HISTORY_PAGE);
    const rootMessageId = mailer.newMessageId();
    const thread: TicketThread = {
      conversationId: conversation.id,
      email,
      replyToken: mailer.newReplyToken(),
      rootMessageId,
      lastMessageId: rootMessageId,
    };
    const notices = (await store.tickets.agentsToNotify()).map((recipient) =>
      mailer.newTicketNotice({ thread, siteName, recipient, transcript, now }),
    );
    const opened = await store.tickets.open({
      ticket: {
        ...thread,
        siteId: conversation.siteId,
        visitorId: conversation.visitorId,
        status: 'open',
        source,
        assigneeId,
        now,
      },
      fromStatuses,
      mails: [
        ...(confirm ? [mailer.confirmation({ thread, siteName, transcript: byAgent ? transcript : null, now })] : []),
        ...notices,
      ],
    });
    if (opened?.created) {
      // The visitor's widget learns its chat left the queue or the agent (an offline one stays as it was).
      const moved = conversation.status === 'offline' ? undefined : await store.conversations.findById(conversation.id);
      if (moved) events.publish({ type: 'conversation.updated', conversation: moved });
      events.publish({ type: 'ticket.updated', ticket: publicTicket(opened.ticket) });
      events.publish({ type: 'ticket.created', ticket: publicTicket(opened.ticket) });
    }
    return opened;
  }

  async #announce(ticket: TicketRecord, message: Message, options: { live: boolean }): Promise<void> {
    const { store, events } = this.#deps;
    const conversation = await store.conversations.findById(ticket.conversationId);
    if (conversation) events.publish({ type: 'message.created', conversation, message });
    if (options.live) events.publish({ type: 'ticket.message', ticket: publicTicket(ticket), message });
    events.publish({ type: 'ticket.updated', ticket: publicTicket(ticket) });
    events.publish({ type: 'ticket.replied', ticket: publicTicket(ticket), message });
  }

  async #ticket(conversationId: string): Promise<TicketRecord> {
    const ticket = await this.#deps.store.tickets.findByConversation(conversationId);
    if (!ticket) throw notFound('Ticket');
    return ticket;
  }

  async #siteName(siteId: string): Promise<string> {
    return (await this.#deps.store.sites.findById(siteId))?.name ?? 'Parley';
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}
