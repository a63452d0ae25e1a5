/**
 * @module Builds the answer bot (issue 22): its settings for admins, the conversations it holds, and
 * the built-in bot, subscribed to the domain events so it answers every visitor message stored in a
 * conversation it holds.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { EventHub } from '../domain/events.ts';
import type { QueueDispatcher } from '../domain/queue-dispatcher.ts';
import type { Tickets } from '../domain/tickets.ts';
import { BotSettingsAdmin } from '../domain/answer-bot/bot-settings.ts';
import { BotConversations } from '../domain/answer-bot/bot-conversations.ts';
import { BuiltinBot } from '../domain/answer-bot/builtin-bot.ts';
import { AnswerBot } from '../domain/answer-bot/answer-bot.ts';
import { BotReports } from '../domain/answer-bot/bot-reports.ts';
import { DEFAULT_HELP_LOCALE } from '../domain/help-center/help-reader.ts';
import { helpPagePaths } from '../http/help-center/help-page-paths.ts';

export interface AnswerBotServices {
  settings: BotSettingsAdmin;
  conversations: BotConversations;
  bot: AnswerBot;
  reports: BotReports;
  /** Stops answering new messages; resolves when the answers begun are written. */
  close(): Promise<void>;
}

export function createAnswerBot(deps: {
  config: Config;
  store: Store;
  events: EventHub;
  dispatcher: QueueDispatcher;
  tickets: Tickets;
  now: () => Date;
  logger: Logger;
  publicUrl: () => string;
}): AnswerBotServices {
  const { store, events, now } = deps;
  const conversations = new BotConversations({
    store,
    events,
    dispatcher: deps.dispatcher,
    offline: deps.tickets,
    now,
  });
  const builtin = new BuiltinBot({
    store,
    bots: conversations,
    articleUrl: (siteKey, locale, slug) =>
      new URL(helpPagePaths(deps.config.helpCenterPath, siteKey).article(locale, slug), deps.publicUrl()).href,
    defaultLocale: DEFAULT_HELP_LOCALE,
  });
  const bot = new AnswerBot({ bots: conversations, builtin, logger: deps.logger });
  const unsubscribe = events.subscribe(bot.onEvent);
  return {
    settings: new BotSettingsAdmin({ store, now }),
    conversations,
    bot,
    reports: new BotReports({ store, now }),
    async close() {
      unsubscribe();
      await bot.idle();
    },
  };
}
