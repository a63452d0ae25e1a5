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
import type { ApiTokens } from '../domain/api-tokens.ts';
import type { WebhooksModule } from '../webhooks/webhooks-module.ts';
import { ExternalBotRegistry } from '../domain/answer-bot/external-bot-registry.ts';
import { ExternalBot } from '../domain/answer-bot/external-bot.ts';

export interface AnswerBotServices {
  settings: BotSettingsAdmin;
  conversations: BotConversations;
  bot: AnswerBot;
  reports: BotReports;
  /** External bots (bot-external): their registration, and their delivery. */
  externalBots: ExternalBotRegistry;
  external: ExternalBot;
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
  webhooks: WebhooksModule;
  apiTokens: ApiTokens;
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
  const externalBots = new ExternalBotRegistry({
    store,
    tokens: deps.apiTokens,
    checkUrl: (url) => deps.webhooks.checkUrl(url),
    now,
  });
  const external = new ExternalBot({
    store,
    bots: conversations,
    registry: externalBots,
    outbox: deps.webhooks.outbox,
    logger: deps.logger,
  });
  const bot = new AnswerBot({ bots: conversations, builtin, logger: deps.logger, external });
  const unsubscribers = [
    events.subscribe(bot.onEvent),
    events.subscribe(external.onEvent),
    deps.webhooks.onFailedAttempt(external.onFailedAttempt),
  ];
  return {
    settings: new BotSettingsAdmin({ store, now }),
    conversations,
    bot,
    reports: new BotReports({ store, now }),
    externalBots,
    external,
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await bot.idle();
      await external.settled();
    },
  };
}
