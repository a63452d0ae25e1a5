/**
 * @module /api/admin/visitors/:visitorId/data: privacy requests. GET exports everything stored of
 * one visitor as JSON; DELETE removes it all. Mounted behind requireAgent + requireAdmin.
 */
import { Router } from 'express';
import { VisitorIdParamsSchema } from '@parley/shared';
import type { DataRetention } from '../domain/data-retention.ts';
import { parseOrThrow } from './validate.ts';

export function adminPrivacyRouter(retention: DataRetention): Router {
  const router = Router();

  router.get('/visitors/:visitorId/data', async (req, res) => {
    const { visitorId } = parseOrThrow(VisitorIdParamsSchema, req.params);
    const data = await retention.exportVisitor(visitorId);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="parley-visitor-${visitorId}.json"`);
    res.json(data);
  });

  router.delete('/visitors/:visitorId/data', async (req, res) => {
    const { visitorId } = parseOrThrow(VisitorIdParamsSchema, req.params);
    await retention.deleteVisitor(visitorId);
    res.status(204).end();
  });
  return router;
}
