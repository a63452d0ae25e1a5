/**
 * @module The console's REST side (admin pages, page rules, canned responses, email status), handed to components by context,
 * so tests can render the real pages against an in-memory server.
 */
import { createExternalBotApi, type ExternalBotApi } from '../api/external-bot-api.ts';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createAdminApi, type AdminApi } from '../api/admin-api.ts';
import { createCannedApi, type CannedApi } from '../api/canned-api.ts';
import { createEmailApi, type EmailApi } from '../api/email-api.ts';
import { createReportsApi, type ReportsApi } from '../api/reports-api.ts';
import { createRestClient, type FetchLike } from '../api/rest-client.ts';
import { createRulesApi, type RulesApi } from '../api/rules-api.ts';
import { createCannedCache, type CannedCache } from '../state/canned-responses.ts';
// outbound webhooks (issue 21)
import { createWebhooksApi, type WebhooksApi } from '../api/webhooks-api.ts';
// answer bot (issue 22)
// help-console: the help center's admin and the composer's /kb
import { createHelpApi, type HelpApi } from '../api/help-api.ts';
// help-widget
import { createVisitorHelpApi, type VisitorHelpApi } from '../api/visitor-help-api.ts';
// public API tokens (issue 21)
import { createApiTokensApi, type ApiTokensApi } from '../api/api-tokens-api.ts';
import { createBotApi, createBotReportsApi, type BotApi, type BotReportsApi } from '../api/bot-api.ts';

export interface ConsoleApi {
  admin: AdminApi;
  canned: CannedApi;
  cannedCache: CannedCache;
  email: EmailApi;
  rules: RulesApi;
  reports: ReportsApi;
  /** Outbound webhooks (issue 21). */
  webhooks: WebhooksApi;
  /** answer bot settings (issue 22) */
  bot: BotApi;
  // help-console
  help: HelpApi;
  // help-widget: the articles a visitor met in the widget
  visitorHelp: VisitorHelpApi;
  apiTokens: ApiTokensApi;
  botReports: BotReportsApi;
  /** A site's external bot (bot-external). */
  externalBot: ExternalBotApi;
}

export function createConsoleApi(fetchImpl?: FetchLike): ConsoleApi {
  const rest = createRestClient(fetchImpl);
  const canned = createCannedApi(rest);
  return {
    admin: createAdminApi(rest),
    canned,
    cannedCache: createCannedCache(canned),
    email: createEmailApi(rest),
    rules: createRulesApi(rest),
    reports: createReportsApi(rest),
    webhooks: createWebhooksApi(rest),
    bot: createBotApi(rest),
    // help-console
    help: createHelpApi(rest, fetchImpl),
    // help-widget
    visitorHelp: createVisitorHelpApi(rest),
    apiTokens: createApiTokensApi(rest),
    botReports: createBotReportsApi(rest),
    externalBot: createExternalBotApi(rest),
  };
}

export const ApiContext = createContext<ConsoleApi | null>(null);

export function useApi(): ConsoleApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi() needs an <ApiContext.Provider> above it');
  return api;
}
