/**
 * @module Delivers the conversations an external bot holds to its URL (issue 22): each visitor message
 * (the first one as `bot.conversation.started`, with the visitor), and the end of the bot's part
 * (`bot.conversation.handed_off`, `bot.conversation.closed`), through the webhook outbox: signed with
 * the bot's secret, retried, in order per conversation. A delivered visitor message waits for the bot
 * (the handoff timeout's clock) until the bot writes through the API; a delivery that fails hands the
 * conversation off at once (`bot_failure`), since the outbox's next attempt would come too late.
 */
import type { ExternalBotEventData, ExternalBotEventType, Message } from '@parley/shared';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import type { WebhookDeliveryRecord } from '../../store/webhook-store.ts';
import type { DomainEvent } from '../events.ts';
import { conversationOf, visitorOf } from '../webhooks/webhook-events.ts';
import type { WebhookOutbox } from '../webhooks/webhook-outbox.ts';
import type { BotConversations } from './bot-conversations.ts';
import type { ExternalBotRegistry } from './external-bot-registry.ts';

/** The outbox key of a conversation's deliveries: one conversation's failing bot blocks no other. */
const KEY_PREFIX = 'bot:';
const TARGET_KEY_PREFIX = `url:${KEY_PREFIX}`;

/** Events that carry a visitor's message: their failure leaves a visitor waiting. */
const AWAITED: ReadonlySet<string> = new Set<ExternalBotEventType>(['bot.conversation.started', 'bot.message.created']);

export interface ExternalBotDeps {
  store: Store;
  bots: BotConversations;
  registry: ExternalBotRegistry;
  outbox: WebhookOutbox;
  logger: Logger;
}

export class ExternalBot {
  readonly #deps: ExternalBotDeps;
  #tail: Promise<void> = Promise.resolve();

  constructor(deps: ExternalBotDeps) {
    this.#deps = deps;
  }

  /** Whether an external bot started this conversation (it answers it rather than the built-in one). */
  async handles(conversationId: string): Promise<boolean> {
    return (await this.#deps.store.bots.find(conversationId))?.mode === 'external';
  }

  /** Hands a visitor's message to the bot; it waits for the bot's answer from now. */
  async deliver(conversationId: string, message: Message): Promise<void> {
    const { store, bots } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.status !== 'bot') return;
    await bots.waiting(conversationId, true);
    const earlier = await store.messages.listAfter(conversationId, 0, message.seq);
    const first = !earlier.some((m) => m.author.kind === 'visitor' && m.id !== message.id);
    const visitor = first ? await store.visitors.findById(conversation.visitorId) : undefined;
    if (first && visitor) {
      await this.#send(conversation.siteId, conversationId, 'bot.conversation.started', {
        conversation: conversationOf(conversation),
        visitor: visitorOf(visitor),
        message,
      });
    } else {
      await this.#send(conversation.siteId, conversationId, 'bot.message.created', {
        conversation: conversationOf(conversation),
        message,
      });
    }
  }

  /** The end of the bot's part: handed off, or closed while with the bot (resolved, or the visitor left). */
  readonly onEvent = (event: DomainEvent): void => {
    if (event.type !== 'bot.handed_off' && event.type !== 'conversation.closed') return;
    const work = async () => {
      const record = await this.#deps.store.bots.find(event.conversation.id);
      if (record?.mode !== 'external') return;
      const conversation = conversationOf(event.conversation);
      if (event.type === 'bot.handed_off') {
        await this.#send(record.siteId, record.conversationId, 'bot.conversation.handed_off', {
          conversation,
          reason: event.reason,
        });
      } else if (record.handedOffAt === null) {
        await this.#send(record.siteId, record.conversationId, 'bot.conversation.closed', { conversation });
      }
    };
    // stored in the order they happened, after the visitor messages before them
    this.#tail = this.#tail.then(work).catch((error: unknown) => {
      this.#deps.logger.error('external bot event not stored', { type: event.type, error });
    });
  };

  /** The webhook sender's report of a failed attempt: a bot that did not take a visitor's message hands off. */
  readonly onFailedAttempt = (delivery: WebhookDeliveryRecord): void => {
    if (!delivery.targetKey.startsWith(TARGET_KEY_PREFIX) || !AWAITED.has(delivery.eventType)) return;
    const conversationId = delivery.targetKey.slice(TARGET_KEY_PREFIX.length).split(':')[1];
    if (conversationId === undefined) return;
    this.#deps.logger.warn('external bot did not take a message: handing off', {
      conversationId,
      status: delivery.responseStatus,
    });
    this.#deps.bots.handOff(conversationId, 'bot_failure').catch((error: unknown) => {
      // the timeout sweep hands it off later: the message still waits
      this.#deps.logger.error('external bot handoff failed', { conversationId, error });
    });
  };

  /** Resolves once every end event seen so far is stored (tests wait for it). */
  settled(): Promise<void> {
    return this.#tail;
  }

  async #send<K extends ExternalBotEventType>(
    siteId: string,
    conversationId: string,
    type: K,
    data: ExternalBotEventData[K],
  ): Promise<void> {
    const bot = await this.#deps.registry.find(siteId);
    if (!bot) {
      // unregistered while it held conversations: nobody will answer this one
      if (AWAITED.has(type)) await this.#deps.bots.handOff(conversationId, 'bot_failure');
      return;
    }
    const { outbox } = this.#deps;
    await outbox.enqueue(
      { kind: 'url', key: `${KEY_PREFIX}${siteId}:${conversationId}`, url: bot.url, secret: bot.secret },
      outbox.envelope(type, siteId, data),
    );
  }
}
