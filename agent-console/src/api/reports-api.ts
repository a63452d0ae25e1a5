/**
 * @module The reports' REST calls (admins only): figures over a date range, the CSV export's URL
 * (a plain link: the browser downloads it with the session cookie), who is working now, and the help
 * center's figures with their CSV.
 */
import {
  ReportQuerySchema,
  helpReportRoutes,
  pathTo,
  restRoutes,
  type AgentsNow,
  type HelpReport,
  type HelpReportCsvView,
  type Report,
  type ReportCsvView,
  type ReportQuery,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface ReportsApi {
  report(query: ReportQuery): Promise<Report>;
  csvUrl(query: ReportQuery, view: ReportCsvView): string;
  agentsNow(): Promise<AgentsNow>;
  /** The help center's figures over the same range (issue 20). */
  helpReport(query: ReportQuery): Promise<HelpReport>;
  helpCsvUrl(query: ReportQuery, view: HelpReportCsvView): string;
}

function search(query: ReportQuery, extra: Record<string, string> = {}): URLSearchParams {
  const valid = ReportQuerySchema.parse(query);
  const params = new URLSearchParams({ from: valid.from, to: valid.to, ...extra });
  if (valid.siteId !== undefined) params.set('siteId', valid.siteId);
  if (valid.timeZone !== undefined) params.set('timeZone', valid.timeZone);
  return params;
}

export function createReportsApi(rest: RestClient): ReportsApi {
  const routes = restRoutes.reports;
  return {
    async report(query) {
      return (await rest.call(routes.report, { query: search(query) })).report;
    },
    csvUrl: (query, view) => `${pathTo(routes.csv)}?${search(query, { view }).toString()}`,
    async agentsNow() {
      return (await rest.call(routes.agentsNow)).agentsNow;
    },
    async helpReport(query) {
      return (await rest.call(helpReportRoutes.report, { query: search(query) })).helpReport;
    },
    helpCsvUrl: (query, view) => `${pathTo(helpReportRoutes.csv)}?${search(query, { view }).toString()}`,
  };
}
