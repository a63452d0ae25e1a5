/**
 * @module The console's REST side (admin pages, page rules, canned responses, email status), handed to components by context,
 * so tests can render the real pages against an in-memory server.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createAdminApi, type AdminApi } from '../api/admin-api.ts';
import { createCannedApi, type CannedApi } from '../api/canned-api.ts';
import { createEmailApi, type EmailApi } from '../api/email-api.ts';
import { createReportsApi, type ReportsApi } from '../api/reports-api.ts';
import { createRestClient, type FetchLike } from '../api/rest-client.ts';
import { createRulesApi, type RulesApi } from '../api/rules-api.ts';
import { createCannedCache, type CannedCache } from '../state/canned-responses.ts';
// answer bot (issue 22)
import { createBotApi, createBotReportsApi, type BotApi, type BotReportsApi } from '../api/bot-api.ts';

export interface ConsoleApi {
  admin: AdminApi;
  canned: CannedApi;
  cannedCache: CannedCache;
  email: EmailApi;
  rules: RulesApi;
  reports: ReportsApi;
  /** answer bot settings (issue 22) */
  bot: BotApi;
  botReports: BotReportsApi;
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
    bot: createBotApi(rest),
    botReports: createBotReportsApi(rest),
  };
}

export const ApiContext = createContext<ConsoleApi | null>(null);

export function useApi(): ConsoleApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi() needs an <ApiContext.Provider> above it');
  return api;
}
