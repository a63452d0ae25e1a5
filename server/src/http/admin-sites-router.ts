/**
 * @module /api/admin/sites: sites with their widget settings, identity secret and snippet.
 * Behind requireAgent + requireAdmin (admin-router.ts). The public widget config
 * (widget-router.ts) reads the same rows, so a change shows there on the next fetch.
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { SiteAdmin } from '../domain/site-admin.ts';
import type { SiteRecord } from '../store/site-store.ts';
import { handle } from './rest-route.ts';
import { toSiteAdminView } from './admin-views.ts';

export function adminSitesRouter(sites: SiteAdmin, publicUrl: () => string): Router {
  const router = Router();
  const routes = restRoutes.sites;
  const view = (site: SiteRecord) => toSiteAdminView(site, publicUrl(), sites.defaultQueueMaxWaitSeconds);

  handle(router, routes.list, async () => ({ sites: (await sites.list()).map(view) }));

  handle(router, routes.create, async ({ body }, _req, res) => {
    const site = await sites.create(body);
    res.status(201);
    return { site: view(site) };
  });

  handle(router, routes.update, async ({ params, body }) => ({ site: view(await sites.update(params.siteId, body)) }));

  handle(router, routes.regenerateIdentitySecret, async ({ params }) => ({
    site: view(await sites.regenerateIdentitySecret(params.siteId)),
  }));

  return router;
}
