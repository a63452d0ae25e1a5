/**
 * @module /api/admin/sites: sites with their widget settings, identity secret and snippet.
 * Mounted behind requireAgent + requireAdmin (admin-router.ts). The public widget config
 * (widget-router.ts) reads the same rows, so a change shows there on the next fetch.
 */
import { Router } from 'express';
import { CreateSiteRequestSchema, SiteIdParamsSchema, UpdateSiteRequestSchema } from '@parley/shared';
import type { SiteAdmin } from '../domain/site-admin.ts';
import { parseOrThrow } from './validate.ts';
import { toSiteAdminView } from './admin-views.ts';

export function adminSitesRouter(sites: SiteAdmin, publicUrl: () => string): Router {
  const router = Router();
  const idOf = (params: unknown) => parseOrThrow(SiteIdParamsSchema, params).siteId;

  router.get('/sites', async (_req, res) => {
    res.json({
      sites: (await sites.list()).map((site) => toSiteAdminView(site, publicUrl(), sites.defaultQueueMaxWaitSeconds)),
    });
  });

  router.post('/sites', async (req, res) => {
    const site = await sites.create(parseOrThrow(CreateSiteRequestSchema, req.body));
    res.status(201).json({ site: toSiteAdminView(site, publicUrl(), sites.defaultQueueMaxWaitSeconds) });
  });

  router.patch('/sites/:siteId', async (req, res) => {
    const siteId = idOf(req.params);
    const site = await sites.update(siteId, parseOrThrow(UpdateSiteRequestSchema, req.body));
    res.json({ site: toSiteAdminView(site, publicUrl(), sites.defaultQueueMaxWaitSeconds) });
  });

  router.post('/sites/:siteId/identity-secret', async (req, res) => {
    const site = await sites.regenerateIdentitySecret(idOf(req.params));
    res.json({ site: toSiteAdminView(site, publicUrl(), sites.defaultQueueMaxWaitSeconds) });
  });

  return router;
}
