/**
 * @module The answer bot's REST calls (issue 22): read and change a site's bot, and its report.
 */
import {
  ReportQuerySchema,
  botReportRoutes,
  botRoutes,
  pathTo,
  type BotReport,
  type BotReportCsvView,
  type BotSettings,
  type BotSettingsUpdate,
  type ReportQuery,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface BotApi {
  get(siteId: string): Promise<BotSettings>;
  update(siteId: string, change: BotSettingsUpdate): Promise<BotSettings>;
  /** bot-llm: the language model that writes the built-in bot's answers (LLM_MODEL), null when none. */
  model(siteId: string): Promise<string | null>;
}

export function createBotApi(rest: RestClient): BotApi {
  return {
    get: async (siteId) => (await rest.call(botRoutes.get, { params: { siteId } })).bot,
    update: async (siteId, change) => (await rest.call(botRoutes.update, { params: { siteId }, body: change })).bot,
    model: async (siteId) => (await rest.call(botRoutes.get, { params: { siteId } })).llm?.model ?? null,
  };
}

/** The bot report's REST calls (admins only): figures over a date range and the CSV export's URL. */
export interface BotReportsApi {
  report(query: ReportQuery): Promise<BotReport>;
  csvUrl(query: ReportQuery, view: BotReportCsvView): string;
}

function search(query: ReportQuery, extra: Record<string, string> = {}): URLSearchParams {
  const valid = ReportQuerySchema.parse(query);
  const params = new URLSearchParams({ from: valid.from, to: valid.to, ...extra });
  if (valid.siteId !== undefined) params.set('siteId', valid.siteId);
  if (valid.timeZone !== undefined) params.set('timeZone', valid.timeZone);
  return params;
}

export function createBotReportsApi(rest: RestClient): BotReportsApi {
  return {
    report: async (query) => (await rest.call(botReportRoutes.report, { query: search(query) })).botReport,
    csvUrl: (query, view) => `${pathTo(botReportRoutes.csv)}?${search(query, { view }).toString()}`,
  };
}
