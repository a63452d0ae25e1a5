/**
 * @module /api/admin/reports and /api/admin/agents-now: figures over a date range (JSON or CSV)
 * and who is working now. Mounted behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import { ReportCsvQuerySchema, ReportQuerySchema } from '@parley/shared';
import type { Reports } from '../domain/reports.ts';
import { reportCsv } from '../domain/report-csv.ts';
import { parseOrThrow } from './validate.ts';

export function adminReportsRouter(reports: Reports): Router {
  const router = Router();

  router.get('/reports', async (req, res) => {
    const report = await reports.report(parseOrThrow(ReportQuerySchema, req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ report });
  });

  router.get('/reports.csv', async (req, res) => {
    const query = parseOrThrow(ReportCsvQuerySchema, req.query);
    const report = await reports.report(query);
    const name = `parley-report-${query.view}-${query.from}-to-${query.to}.csv`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.type('text/csv; charset=utf-8').send(reportCsv(report, query.view));
  });

  router.get('/agents-now', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ agentsNow: await reports.agentsNow() });
  });
  return router;
}
