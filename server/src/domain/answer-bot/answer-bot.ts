/**
 * @module Runs the site's bot on the conversations it holds: every visitor message stored in a `bot`
 * conversation (the message.created event, published where it was stored) is answered, one at a time
 * per conversation. While the bot works the message counts as waiting (the handoff timeout's clock);
 * a bot that throws hands off (`bot_failure`), so a visitor is never left waiting in silence.
 */
import type { Message } from '@parley/shared';
import type { Logger } from '../../logger.ts';
import type { DomainEvent } from '../events.ts';
import { KeyedMutex } from '../keyed-mutex.ts';
import type { BotConversations } from './bot-conversations.ts';
import type { BuiltinBot } from './builtin-bot.ts';
import type { ExternalBot } from './external-bot.ts';

export class AnswerBot {
  readonly #bots: BotConversations;
  // the article-only bot, or the language model's (llm-bot.ts) when the server has one
  readonly #builtin: Pick<BuiltinBot, 'reply'>;
  readonly #logger: Logger;
  readonly #external: ExternalBot | undefined;
  readonly #perConversation = new KeyedMutex();
  readonly #running = new Set<Promise<void>>();

  constructor(deps: {
    bots: BotConversations;
    builtin: Pick<BuiltinBot, 'reply'>;
    logger: Logger;
    external?: ExternalBot;
  }) {
    this.#bots = deps.bots;
    this.#external = deps.external;
    this.#builtin = deps.builtin;
    this.#logger = deps.logger;
  }

  readonly onEvent = (event: DomainEvent): void => {
    if (event.type !== 'message.created') return;
    if (event.conversation.status !== 'bot' || event.message.author.kind !== 'visitor') return;
    const work = this.#answer(event.conversation.id, event.message);
    this.#running.add(work);
    void work.finally(() => this.#running.delete(work));
  };

  /** Resolves once every answer begun has been written (a stopping server waits for them). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #answer(conversationId: string, message: Message): Promise<void> {
    await this.#perConversation.run(conversationId, async () => {
      try {
        // an external bot answers through the API, later: its message waits until then
        if (this.#external && (await this.#external.handles(conversationId))) {
          return await this.#external.deliver(conversationId, message);
        }
        await this.#bots.waiting(conversationId, true);
        await this.#builtin.reply(conversationId, message);
        await this.#bots.waiting(conversationId, false);
      } catch (error) {
        this.#logger.error('answer bot failed: handing off', { conversationId, error });
        await this.#bots.handOff(conversationId, 'bot_failure').catch((handOffError: unknown) => {
          // the timeout sweep hands it off later: the message still waits
          this.#logger.error('answer bot handoff failed', { conversationId, error: handOffError });
        });
      }
    });
  }
}
