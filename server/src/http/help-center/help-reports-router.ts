/**
 * @module /api/admin/reports/help: the help center's report over a date range (JSON or CSV). Behind
 * requireAgent + requireAdmin (admin-router.ts mounts it beside the support report).
 */
import { Router } from 'express';
import { helpReportRoutes } from '@parley/shared';
import type { HelpReports } from '../../domain/help-center/help-reports.ts';
import { helpReportCsv } from '../../domain/help-center/help-report-csv.ts';
import { handle } from '../rest-route.ts';

export function helpReportsRouter(reports: HelpReports): Router {
  const router = Router();

  handle(router, helpReportRoutes.report, async ({ query }, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    return { helpReport: await reports.report(query) };
  });

  handle(router, helpReportRoutes.csv, async ({ query }, _req, res) => {
    const report = await reports.report(query);
    const name = `parley-help-${query.view}s-${query.from}-to-${query.to}.csv`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.type('text/csv; charset=utf-8').send(helpReportCsv(report, query.view));
  });
  return router;
}
