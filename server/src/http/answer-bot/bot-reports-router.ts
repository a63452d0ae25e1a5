/**
 * @module /api/admin/reports/bot: the answer bot's report over a date range (JSON or CSV). Behind
 * requireAgent + requireAdmin (admin-router.ts mounts it beside the support report).
 */
import { Router } from 'express';
import { botReportRoutes } from '@parley/shared';
import type { BotReports } from '../../domain/answer-bot/bot-reports.ts';
import { botReportCsv } from '../../domain/answer-bot/bot-report-csv.ts';
import { handle } from '../rest-route.ts';

export function botReportsRouter(reports: BotReports): Router {
  const router = Router();
  handle(router, botReportRoutes.report, async ({ query }, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    return { botReport: await reports.report(query) };
  });
  handle(router, botReportRoutes.csv, async ({ query }, _req, res) => {
    const report = await reports.report(query);
    const name = `parley-bot-${query.view}-${query.from}-to-${query.to}.csv`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.type('text/csv; charset=utf-8').send(botReportCsv(report, query.view));
  });
  return router;
}
