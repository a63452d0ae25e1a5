/**
 * @module The life of a conversation a bot holds (issue 22): opened with the bot when the site's bot
 * is on, its messages written through the normal message path as the bot's, and its two ways out:
 * resolved by the bot (closed, `closedBy: bot`), or handed off to people with a reason (the visitor
 * asked, the bot found no answer or failed, or a visitor's message waited too long). A handoff queues
 * the conversation with everything said so far; when nobody can answer live (outside business hours,
 * no agent online) it takes the offline path instead: a ticket, or a request for an email address.
 */
import {
  DEFAULT_BOT_SETTINGS,
  type BotMode,
  type BotSettings,
  type Conversation,
  type HandoffReason,
  type Message,
  type OfferContent,
} from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { EventSink } from '../events.ts';
import type { QueueDispatcher } from '../queue-dispatcher.ts';
import { isWithinBusinessHours } from '../business-hours.ts';
import { newId } from '../ids.ts';

/** How the bot's handoff takes the offline path (Tickets implements it). */
export interface OfflineHandoff {
  /** A ticket when the visitor gave an email address; otherwise the widget is asked for one. */
  handOffOffline(conversation: Conversation): Promise<void>;
}

export interface BotConversationsDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  offline: OfflineHandoff;
  now: () => Date;
}

/** What agents and the visitor read when the bot hands off, by reason. */
const HANDOFF_NOTE: Record<HandoffReason, string> = {
  asked_for_person: 'the visitor asked for a person',
  no_answer: 'the bot had no answer',
  bot_failure: 'the bot failed',
  timeout: 'the bot did not answer in time',
};

export class BotConversations {
  readonly #deps: BotConversationsDeps;

  constructor(deps: BotConversationsDeps) {
    this.#deps = deps;
  }

  /** The site's settings (defaults when it set none). */
  async settings(siteId: string): Promise<BotSettings> {
    return (await this.#deps.store.bots.settings(siteId)) ?? DEFAULT_BOT_SETTINGS;
  }

  /** The bot that opens the site's conversations, or null when its bot is off. */
  async modeFor(siteId: string): Promise<BotMode | null> {
    const { mode } = await this.settings(siteId);
    return mode === 'off' ? null : mode;
  }

  /** Recorded when a conversation opens with the bot, before the visitor's first message is stored. */
  async started(conversation: Conversation, mode: BotMode): Promise<void> {
    await this.#deps.store.bots.start({
      conversationId: conversation.id,
      siteId: conversation.siteId,
      mode,
      now: this.#now(),
    });
  }

  /** A message as the bot's, through the normal path (seq, events, resume, email); undefined once it left the bot. */
  async say(
    conversation: Conversation,
    body: string,
    content: OfferContent | null = null,
  ): Promise<{ message: Message; conversation: Conversation } | undefined> {
    const { store, events } = this.#deps;
    const current = await store.conversations.findById(conversation.id);
    if (current?.status !== 'bot') return undefined;
    const settings = await this.settings(current.siteId);
    const appended = await store.messages.append({
      id: newId('msg'),
      conversationId: current.id,
      clientMessageId: null,
      author: { kind: 'bot', id: `bot_${current.siteId}`, name: settings.name },
      body,
      content,
      now: this.#now(),
    });
    if (appended.created) {
      events.publish({ type: 'message.created', conversation: appended.conversation, message: appended.message });
    }
    return { message: appended.message, conversation: appended.conversation };
  }

  /** "Talk to a person": the visitor's own conversation, as it is after the handoff (or as it was). */
  async handOffByVisitor(visitorId: string, conversationId: string): Promise<Conversation> {
    const conversation = await this.#deps.store.conversations.findById(conversationId);
    // someone else's conversation answers like a missing one
    if (!conversation || conversation.visitorId !== visitorId) throw notFound('Conversation');
    return (await this.handOff(conversation.id, 'asked_for_person')) ?? conversation;
  }

  /**
   * Hands the conversation to people: the bot says so, the conversation is queued with the reason
   * recorded, and routing (or the offline path) takes it. Undefined when it had left the bot already.
   */
  async handOff(conversationId: string, reason: HandoffReason): Promise<Conversation | undefined> {
    const { store, events, dispatcher } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.status !== 'bot') return undefined;
    const settings = await this.settings(conversation.siteId);
    await this.say(conversation, settings.wording.handoff);
    const queued = await store.bots.handOff(conversationId, reason, this.#now());
    if (!queued) return undefined;
    const noted = await store.messages.append({
      id: newId('msg'),
      conversationId,
      clientMessageId: null,
      author: { kind: 'system', id: null, name: null },
      body: `${settings.name} handed the conversation to the team: ${HANDOFF_NOTE[reason]}.`,
      now: this.#now(),
    });
    if (noted.created)
      events.publish({ type: 'message.created', conversation: noted.conversation, message: noted.message });
    events.publish({ type: 'conversation.updated', conversation: noted.conversation });
    events.publish({ type: 'bot.handed_off', conversation: noted.conversation, reason });
    if (await this.#reachable(noted.conversation.siteId)) await dispatcher.drain();
    else await this.#deps.offline.handOffOffline(noted.conversation);
    return (await store.conversations.findById(conversationId)) ?? noted.conversation;
  }

  /** The visitor said the answer was enough: the bot says so and the conversation ends, resolved by the bot. */
  async resolve(conversationId: string): Promise<Conversation | undefined> {
    const { store, events } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.status !== 'bot') return undefined;
    const settings = await this.settings(conversation.siteId);
    await this.say(conversation, settings.wording.resolved);
    const closed = await store.bots.resolve(conversationId, this.#now());
    if (closed) {
      events.publish({ type: 'conversation.updated', conversation: closed });
      events.publish({ type: 'conversation.closed', conversation: closed });
    }
    return closed;
  }

  /** A visitor's message now waits for the bot (null: the bot answered); the handoff timeout counts from it. */
  waiting(conversationId: string, waiting: boolean): Promise<void> {
    return this.#deps.store.bots.setWaiting(conversationId, waiting ? this.#now() : null);
  }

  /** Hands off every conversation whose visitor has waited for the bot longer than its site allows. */
  async sweepTimeouts(): Promise<number> {
    const { store } = this.#deps;
    const now = this.#deps.now().getTime();
    // the shortest timeout allowed bounds what may be due; each site's own is checked below
    const due = await store.bots.listWaitingSince(new Date(now - 5000).toISOString(), 200);
    let handedOff = 0;
    for (const record of due) {
      const { handoffTimeoutSeconds } = await this.settings(record.siteId);
      if (record.waitingSince === null || Date.parse(record.waitingSince) > now - handoffTimeoutSeconds * 1000) {
        continue;
      }
      if (await this.handOff(record.conversationId, 'timeout')) handedOff += 1;
    }
    return handedOff;
  }

  async #reachable(siteId: string): Promise<boolean> {
    const site = await this.#deps.store.sites.findById(siteId);
    if (site && !isWithinBusinessHours(site.businessHours, this.#deps.now())) return false;
    return this.#deps.dispatcher.agentsOnline();
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}
