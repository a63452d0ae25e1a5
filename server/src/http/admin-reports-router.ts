/**
 * @module /api/admin/reports and /api/admin/agents-now: figures over a date range (JSON or CSV)
 * and who is working now. Behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { Reports } from '../domain/reports.ts';
import { reportCsv } from '../domain/report-csv.ts';
import { handle } from './rest-route.ts';

export function adminReportsRouter(reports: Reports): Router {
  const router = Router();
  const routes = restRoutes.reports;

  handle(router, routes.report, async ({ query }, _req, res) => {
    const report = await reports.report(query);
    res.setHeader('Cache-Control', 'no-store');
    return { report };
  });

  handle(router, routes.csv, async ({ query }, _req, res) => {
    const report = await reports.report(query);
    const name = `parley-report-${query.view}-${query.from}-to-${query.to}.csv`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.type('text/csv; charset=utf-8').send(reportCsv(report, query.view));
  });

  handle(router, routes.agentsNow, async (_input, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    return { agentsNow: await reports.agentsNow() };
  });
  return router;
}
