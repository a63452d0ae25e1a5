/**
 * @module Builds the answer bot (issue 22): its settings for admins, the conversations it holds, and
 * the built-in bot, subscribed to the domain events so it answers every visitor message stored in a
 * conversation it holds.
 */
import { randomUUID } from 'node:crypto';
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
import { LlmBot } from '../domain/answer-bot/llm-bot.ts';
import { OpenAiChatClient } from '../llm/openai-chat-client.ts';

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
  const articleUrl = (siteKey: string, locale: string, slug: string) =>
    new URL(helpPagePaths(deps.config.helpCenterPath, siteKey).article(locale, slug), deps.publicUrl()).href;
  const builtin = new BuiltinBot({ store, bots: conversations, articleUrl, defaultLocale: DEFAULT_HELP_LOCALE });
  // with LLM_BASE_URL and LLM_MODEL the built-in bot's answers are the model's (docs/answer-bot.md)
  const llm = deps.config.llm;
  const model = llm && new OpenAiChatClient(llm);
  // a stopping server does not wait out a model's answer: it hands the conversation off instead
  const stopping = new AbortController();
  const answering =
    llm && model
      ? new LlmBot({
          store,
          bots: conversations,
          events,
          model,
          logger: deps.logger,
          articleUrl,
          defaultLocale: DEFAULT_HELP_LOCALE,
          limits: { maxTurns: llm.maxTurns, articles: llm.articles },
          randomId: randomUUID,
          stop: stopping.signal,
        })
      : builtin;
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
  const bot = new AnswerBot({ bots: conversations, builtin: answering, logger: deps.logger, external });
  const unsubscribers = [
    events.subscribe(bot.onEvent),
    events.subscribe(external.onEvent),
    deps.webhooks.onFailedAttempt(external.onFailedAttempt),
  ];
  return {
    settings: new BotSettingsAdmin({ store, now, model: model?.name }),
    conversations,
    bot,
    reports: new BotReports({ store, now }),
    externalBots,
    external,
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      stopping.abort();
      await bot.idle();
      await external.settled();
    },
  };
}
