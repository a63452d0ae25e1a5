/**
 * @module /api/admin/visitors/:visitorId/data: privacy requests. GET exports everything stored of
 * one visitor as JSON; DELETE removes it all. Behind requireAgent + requireAdmin.
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { DataRetention } from '../domain/data-retention.ts';
import { handle } from './rest-route.ts';

export function adminPrivacyRouter(retention: DataRetention): Router {
  const router = Router();

  handle(router, restRoutes.privacy.exportVisitor, async ({ params: { visitorId } }, _req, res) => {
    const data = await retention.exportVisitor(visitorId);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="parley-visitor-${visitorId}.json"`);
    res.json(data);
  });

  handle(router, restRoutes.privacy.deleteVisitor, async ({ params: { visitorId } }, _req, res) => {
    await retention.deleteVisitor(visitorId);
    res.status(204).end();
  });
  return router;
}
