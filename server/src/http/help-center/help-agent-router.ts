/**
 * @module /api/help/sites/:siteId/…: every signed-in agent reads the help center (drafts too) and
 * searches it to answer with an article. Behind requireAgent (admin-router.ts mounts it).
 */
import { Router } from 'express';
import { helpRoutes } from '@parley/shared';
import type { HelpArticles } from '../../domain/help-center/help-articles.ts';
import type { HelpReader } from '../../domain/help-center/help-reader.ts';
import { notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import { handle } from '../rest-route.ts';

/** The visitor panel lists at most this many articles a visitor met. */
const VISITOR_ARTICLES_SHOWN = 20;

export function helpAgentRouter(store: Store, articles: HelpArticles, reader: HelpReader): Router {
  const router = Router();
  const routes = helpRoutes.agent;

  handle(router, routes.categories, async ({ params, query }) => ({
    categories: await articles.categories(params.siteId, query.locale),
  }));
  handle(router, routes.articles, async ({ params, query }) => ({
    articles: await articles.articles(params.siteId, query),
  }));
  handle(router, routes.article, ({ params }) => articles.article(params.siteId, params.articleId));
  handle(router, routes.revisions, async ({ params }) => ({
    revisions: await articles.revisions(params.siteId, params.articleId),
  }));
  handle(router, routes.search, async ({ params, query }) => {
    const site = await store.sites.findById(params.siteId);
    if (!site) throw notFound('Site');
    return reader.search(site, {
      query: query.q,
      locale: reader.localeFor(site, query.locale),
      limit: query.limit,
      source: 'agent',
    });
  });

  // help-widget: the articles a visitor met in the widget, for the visitor panel
  handle(router, routes.visitorArticles, async ({ params }) => ({
    articles: await store.helpCenter.visitorArticles(params.visitorId, VISITOR_ARTICLES_SHOWN),
  }));

  return router;
}
