/**
 * @module /api/admin/sites/:siteId/help/…: admins write the help center (categories, articles,
 * publish, order, import). Mounted inside consoleApiRouter, behind requireAgent + requireAdmin; every
 * article write names the signed-in admin, which the revision history shows. The import reads its own
 * larger JSON body here, after the admin check (the app's 32 kB parser skips that one path).
 */
import express, { Router, type Request } from 'express';
import { helpRoutes } from '@parley/shared';
import type { HelpArticles, HelpAuthor } from '../../domain/help-center/help-articles.ts';
import type { HelpBundles } from '../../domain/help-center/help-bundles.ts';
import { handle } from '../rest-route.ts';
import { signedInAgent } from '../agent-session.ts';

/** A large FAQ as one JSON bundle; the bundle's own limits (help-bundles.ts) bound it further. */
export const HELP_IMPORT_BODY_LIMIT = '20mb';

const authorOf = (req: Request): HelpAuthor => {
  const agent = signedInAgent(req);
  return { id: agent.id, name: agent.name };
};

export function helpAdminRouter(articles: HelpArticles, bundles: HelpBundles): Router {
  const router = Router();
  const routes = helpRoutes.admin;

  handle(router, routes.createCategory, async ({ params, body }, _req, res) => {
    const category = await articles.createCategory(params.siteId, body);
    res.status(201);
    return { category };
  });
  handle(router, routes.reorderCategories, async ({ params, body }) => ({
    categories: await articles.reorderCategories(params.siteId, body.ids),
  }));
  handle(router, routes.updateCategory, async ({ params, body }) => ({
    category: await articles.updateCategory(params.siteId, params.categoryId, body),
  }));
  handle(router, routes.deleteCategory, async ({ params }, _req, res) => {
    await articles.deleteCategory(params.siteId, params.categoryId);
    res.status(204).end();
  });

  handle(router, routes.createArticle, async ({ params, body }, req, res) => {
    const view = await articles.createArticle(params.siteId, body, authorOf(req));
    res.status(201);
    return view;
  });
  handle(router, routes.reorderArticles, async ({ params, body }) => ({
    articles: await articles.reorderArticles(params.siteId, body.ids),
  }));
  handle(router, routes.updateArticle, ({ params, body }, req) =>
    articles.updateArticle(params.siteId, params.articleId, body, authorOf(req)),
  );
  handle(router, routes.publishArticle, ({ params }, req) =>
    articles.publish(params.siteId, params.articleId, authorOf(req)),
  );
  handle(router, routes.unpublishArticle, ({ params }, req) =>
    articles.unpublish(params.siteId, params.articleId, authorOf(req)),
  );
  handle(router, routes.deleteArticle, async ({ params }, _req, res) => {
    await articles.deleteArticle(params.siteId, params.articleId);
    res.status(204).end();
  });

  handle(
    router,
    routes.import,
    ({ params, body }, req) => bundles.import(params.siteId, body, authorOf(req)),
    express.json({ limit: HELP_IMPORT_BODY_LIMIT }),
  );
  handle(router, routes.export, async ({ params, query }, _req, res) => {
    res.setHeader('Content-Disposition', `attachment; filename="help-center-${params.siteId}.json"`);
    return bundles.export(params.siteId, query.format);
  });

  return router;
}
