/**
 * @module Conversations: starting, writing, reading, seen marks, typing and closing, for both sides,
 * with the access rules (a visitor touches only their own conversation, an agent only theirs).
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type {
  BotMode,
  Conversation,
  ConversationOrigin,
  Message,
  MessageQuote,
  OfferContent,
  VisitorContact,
} from '@parley/shared';
import { ParleyError, forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { AppendedMessage } from '../store/message-store.ts';
import type { Store } from '../store/store.ts';
import type { VisitorProfileUpdate } from '../store/visitor-store.ts';
import type { EventSink } from './events.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { isWithinBusinessHours } from './business-hours.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { newId } from './ids.ts';

/** Upper bound of messages one history or resume answer carries; clients page with afterSeq. */
export const HISTORY_PAGE = 1000;

export interface VisitorRef {
  visitorId: string;
  siteId: string;
}

/** A proactive message the visitor answered (proactive-outreach.ts): it opens the conversation, before the reply. */
export interface ProactiveOpening {
  origin: ConversationOrigin;
  author: Message['author'];
  body: string;
  /** Called once, after the conversation it started and both messages are stored. */
  started(conversation: Conversation): Promise<void>;
}

export type Actor = { side: 'visitor'; visitor: VisitorRef } | { side: 'agent'; agent: AgentRecord };

/** Where a visitor's message goes when their latest conversation is an email ticket (Tickets implements it). */
export interface TicketContinuation {
  /** Appends to the conversation's ticket unless it is solved or there is none; undefined then. */
  continueFromVisitor(
    conversation: Conversation,
    clientMessageId: string,
    body: string,
  ): Promise<{ message: Message; conversation: Conversation } | undefined>;
}

/** answer bot (issue 22): whether a site's bot opens its conversations, and recording that it did. */
export interface BotOpening {
  /** The site's bot, or null when it is off. */
  modeFor(siteId: string): Promise<BotMode | null>;
  started(conversation: Conversation, mode: BotMode): Promise<void>;
}

export interface ConversationsDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  tickets: TicketContinuation;
  now: () => Date;
  /** Absent: no bot ever opens a conversation. */
  bots?: BotOpening | undefined;
}

export class Conversations {
  readonly #deps: ConversationsDeps;
  // One visitor's sends run one at a time here, so a burst cannot open two conversations.
  readonly #perVisitor = new KeyedMutex();

  constructor(deps: ConversationsDeps) {
    this.#deps = deps;
  }

  /** files-in-chat: sends with files and uploads that open a conversation keep the same per-visitor order. */
  get perVisitor(): KeyedMutex {
    return this.#perVisitor;
  }

  /** The visitor's current (or most recent) conversation and what they have not seen of it. */
  async resume(visitor: VisitorRef, heldConversationId: string | null, lastSeq: number) {
    const { store } = this.#deps;
    const conversation =
      (await store.conversations.findOpenByVisitor(visitor.visitorId)) ??
      (await store.conversations.findLatestByVisitor(visitor.visitorId));
    // a site's bot answers day or night: to the widget, live chat can start (the handoff finds the offline path)
    const botOn = (await this.#deps.bots?.modeFor(visitor.siteId)) != null;
    const agentsOnline = botOn || (await this.#deps.dispatcher.agentsOnline());
    const withinBusinessHours = botOn || (await this.#withinBusinessHours(visitor.siteId));
    if (!conversation) {
      return {
        conversation: null,
        messages: [],
        queuePosition: null,
        agentsOnline,
        estimatedWaitSeconds: null,
        withinBusinessHours,
      };
    }
    const after = conversation.id === heldConversationId ? lastSeq : 0;
    const messages = await store.messages.listAfter(conversation.id, after, HISTORY_PAGE);
    const queuePosition =
      conversation.status === 'queued' ? await this.#deps.dispatcher.positionOf(conversation.id) : null;
    const estimatedWaitSeconds = await this.#deps.dispatcher.estimateFor(queuePosition);
    return { conversation, messages, queuePosition, agentsOnline, estimatedWaitSeconds, withinBusinessHours };
  }

  /**
   * A message left for later: a new `offline` conversation that is never routed and does not count
   * as the visitor's open one. Idempotent by clientMessageId, like message:send.
   */
  async leaveOfflineMessage(
    visitor: VisitorRef,
    input: { clientMessageId: string; name?: string | undefined; email: string; body: string },
  ) {
    return this.#perVisitor.run(visitor.visitorId, async () => {
      const { store } = this.#deps;
      const earlier = await store.messages.findByVisitorClientId(visitor.visitorId, input.clientMessageId);
      const earlierConversation = earlier && (await store.conversations.findById(earlier.conversationId));
      if (earlier && earlierConversation) return { message: earlier, conversation: earlierConversation };
      const now = this.#now();
      await store.visitors.updateProfile(
        visitor.visitorId,
        visitor.siteId,
        input.name === undefined ? { email: input.email } : { email: input.email, name: input.name },
        now,
      );
      const conversation = await store.conversations.create({ id: newId('conv'), ...visitor, now, status: 'offline' });
      this.#deps.events.publish({ type: 'conversation.created', conversation });
      return this.#append(
        conversation,
        { kind: 'visitor', id: visitor.visitorId, name: null },
        input.clientMessageId,
        input.body,
      );
    });
  }

  /**
   * `contact`: the pre-chat form's name and email, stored on the profile before the message, so the
   * agent sees who is writing from the first message on. Storing them again on a retry is harmless.
   * `beforeOpen` runs only when the message would start a conversation, and may refuse (a limit on
   * new conversations): nothing is stored then.
   */
  async sendFromVisitor(
    visitor: VisitorRef,
    clientMessageId: string,
    body: string,
    contact: VisitorContact = {},
    opening?: ProactiveOpening,
    beforeOpen: () => Promise<void> = () => Promise.resolve(),
    replyTo?: MessageQuote,
  ) {
    return this.#perVisitor.run(visitor.visitorId, async () => {
      const { store } = this.#deps;
      const update = contactUpdate(contact);
      if (update) await store.visitors.updateProfile(visitor.visitorId, visitor.siteId, update, this.#now());
      // The common case in one write: the visitor's open conversation is found by the write itself.
      const appended = await store.messages.appendToOpen(visitor.visitorId, {
        id: newId('msg'),
        clientMessageId,
        author: { kind: 'visitor', id: visitor.visitorId, name: null },
        body,
        now: this.#now(),
        replyToId: replyTo?.id ?? null,
      });
      if (appended) {
        const result = this.#announce(appended, replyTo);
        if (result.conversation.status === 'queued') this.#deps.dispatcher.announceQueue();
        return result;
      }
      // none open (or it closed since): look again, then start one
      let conversation = await store.conversations.findOpenByVisitor(visitor.visitorId);
      let opened = false;
      if (!conversation) {
        // A retry of a message that was stored before its conversation closed must not start a new one.
        const latest = await store.conversations.findLatestByVisitor(visitor.visitorId);
        const earlier = latest && (await store.messages.findByClientId(latest.id, clientMessageId));
        if (latest && earlier) return { message: earlier, conversation: latest };
        // A returning visitor whose latest conversation is an unsolved ticket continues it there.
        const continued =
          latest?.status === 'offline'
            ? await this.#deps.tickets.continueFromVisitor(latest, clientMessageId, body)
            : undefined;
        if (continued) return continued;
        const bot = (await this.#deps.bots?.modeFor(visitor.siteId)) ?? null;
        // The server decides, not the widget's copy of the config: outside hours no live chat starts
        // (unless the site's bot answers first).
        if (!bot && !(await this.#withinBusinessHours(visitor.siteId))) {
          throw new ParleyError(
            ErrorCode.Unavailable,
            'Outside business hours: leave a message (offline:message) instead',
          );
        }
        await beforeOpen();
        const now = this.#now();
        await store.visitors.ensure(visitor.visitorId, visitor.siteId, now);
        conversation = await store.conversations.create({
          id: newId('conv'),
          ...visitor,
          now,
          origin: opening?.origin ?? null,
          ...(bot ? { status: 'bot' as const } : {}),
        });
        if (bot) await this.#deps.bots?.started(conversation, bot);
        this.#deps.events.publish({ type: 'conversation.created', conversation });
        opened = true;
        // the message the visitor answered comes first, from the server's own record of it
        if (opening) conversation = (await this.#append(conversation, opening.author, null, opening.body)).conversation;
      }
      const result = await this.#append(
        conversation,
        { kind: 'visitor', id: visitor.visitorId, name: null },
        clientMessageId,
        body,
        null,
        replyTo,
      );
      if (opened && opening) await opening.started(result.conversation);
      if (opened && result.conversation.status !== 'bot') await this.#deps.dispatcher.drain();
      else if (result.conversation.status === 'queued') this.#deps.dispatcher.announceQueue();
      return result;
    });
  }

  /** `content`: quick replies, a card, a form or article links shown with the body (rich-content.ts). */
  async sendFromAgent(
    agent: AgentRecord,
    conversationId: string,
    clientMessageId: string,
    body: string,
    content: OfferContent | null = null,
    replyTo?: MessageQuote,
  ) {
    const conversation = await this.#forActor({ side: 'agent', agent }, conversationId);
    const earlier = await this.#deps.store.messages.findByClientId(conversation.id, clientMessageId);
    if (earlier) return { message: earlier, conversation };
    if (conversation.status !== 'active') {
      throw new ParleyError(ErrorCode.ConversationClosed, 'This conversation is closed');
    }
    const author = { kind: 'agent', id: agent.id, name: agent.name } as const;
    return this.#append(conversation, author, clientMessageId, body, content, replyTo);
  }

  /** Messages after `afterSeq` and the private notes of a conversation the agent holds, or one waiting in the queue. */
  async historyForAgent(agent: AgentRecord, conversationId: string, afterSeq: number) {
    const conversation = await this.#forActor({ side: 'agent', agent }, conversationId, { allowQueued: true });
    const messages = await this.#deps.store.messages.listAfter(conversation.id, afterSeq, HISTORY_PAGE);
    // notes are agent-only: read here, and never on any visitor path (resume, send, close)
    const notes = await this.#deps.store.notes.listFor(conversation.id);
    return { conversation, messages, notes };
  }

  async markSeen(actor: Actor, conversationId: string, seq: number): Promise<void> {
    const conversation = await this.#forActor(actor, conversationId);
    const current = actor.side === 'visitor' ? conversation.visitorSeenSeq : conversation.agentSeenSeq;
    if (seq <= current) return;
    const updated = await this.#deps.store.conversations.markSeen(conversation.id, actor.side, seq);
    if (!updated) return;
    const mark = actor.side === 'visitor' ? updated.visitorSeenSeq : updated.agentSeenSeq;
    if (mark > current) this.#deps.events.publish({ type: 'seen', conversation: updated, by: actor.side, seq: mark });
  }

  async setTyping(actor: Actor, conversationId: string, typing: boolean): Promise<void> {
    const conversation = await this.#forActor(actor, conversationId, { allowQueued: actor.side === 'visitor' });
    if (conversation.status === 'closed') return;
    this.#deps.events.publish({ type: 'typing', conversation, author: actor.side, typing });
  }

  async close(actor: Actor, conversationId: string): Promise<Conversation> {
    const conversation = await this.#forActor(actor, conversationId, { allowQueued: actor.side === 'visitor' });
    const closed = await this.#deps.store.conversations.close(conversation.id, actor.side, this.#now());
    if (!closed) return conversation; // already closed: closing is idempotent
    this.#deps.events.publish({ type: 'conversation.updated', conversation: closed });
    this.#deps.events.publish({ type: 'conversation.closed', conversation: closed });
    // An active chat frees capacity; a queued one shortens the queue. Either way routing looks again.
    await this.#deps.dispatcher.drain();
    return closed;
  }

  async #append(
    conversation: Conversation,
    author: Message['author'],
    clientMessageId: string | null,
    body: string,
    content: OfferContent | null = null,
    replyTo?: MessageQuote,
  ) {
    const appended = await this.#deps.store.messages.append({
      id: newId('msg'),
      conversationId: conversation.id,
      clientMessageId,
      author,
      body,
      content,
      now: this.#now(),
      replyToId: replyTo?.id ?? null,
    });
    return this.#announce(appended, replyTo);
  }

  /** A stored message goes out once: a retry answers with the first one and tells nobody again. */
  #announce(
    { message: stored, created, conversation }: AppendedMessage,
    replyTo?: MessageQuote,
  ): { message: Message; conversation: Conversation } {
    // the write returns no quote: a reply carries the one checked before it (message-edits.ts)
    const message = replyTo ? { ...stored, replyTo } : stored;
    if (created) this.#deps.events.publish({ type: 'message.created', conversation, message });
    return { message, conversation };
  }

  async #forActor(
    actor: Actor,
    conversationId: string,
    options: { allowQueued?: boolean } = {},
  ): Promise<Conversation> {
    const conversation = await this.#deps.store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    if (actor.side === 'visitor') {
      // Someone else's conversation answers exactly like a missing one: ids are not an oracle.
      if (conversation.visitorId !== actor.visitor.visitorId) throw notFound('Conversation');
      return conversation;
    }
    const mine = conversation.agent?.id === actor.agent.id;
    const waiting = options.allowQueued === true && conversation.status === 'queued';
    if (!mine && !waiting) throw forbidden('This conversation is not assigned to you');
    return conversation;
  }

  async #withinBusinessHours(siteId: string): Promise<boolean> {
    const site = await this.#deps.store.sites.findById(siteId);
    return site ? isWithinBusinessHours(site.businessHours, this.#deps.now()) : true;
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}

/** Only the fields given: a form without an email field must not blank an email known from before. */
function contactUpdate(contact: VisitorContact): VisitorProfileUpdate | null {
  const update: VisitorProfileUpdate = {};
  if (contact.name !== undefined) update.name = contact.name;
  if (contact.email !== undefined) update.email = contact.email;
  return Object.keys(update).length > 0 ? update : null;
}
