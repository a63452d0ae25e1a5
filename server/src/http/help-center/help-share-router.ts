/**
 * @module GET /api/help/sites/:siteId/articles/:articleId/share: a published article as an agent
 * inserts it in a reply (the composer's `/kb`): a link card to its public page and a plain-text
 * excerpt. Behind requireAgent (admin-router.ts mounts it under /api/help).
 */
import { Router } from 'express';
import { helpEditorRoutes } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import type { HelpArticles } from '../../domain/help-center/help-articles.ts';
import { ParleyError, notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import { handle } from '../rest-route.ts';
import { articlePlainText } from './article-markdown.ts';
import { helpPagePaths } from './help-page-paths.ts';

const EXCERPT_MAX = 600;
const CARD_SUMMARY_MAX = 300;

export function helpShareRouter(deps: {
  store: Store;
  articles: HelpArticles;
  publicUrl: () => string;
  helpCenterPath: string;
}): Router {
  const router = Router();
  handle(router, helpEditorRoutes.share, async ({ params }) => {
    const site = await deps.store.sites.findById(params.siteId);
    if (!site) throw notFound('Site');
    const { article } = await deps.articles.article(params.siteId, params.articleId);
    if (article.status !== 'published')
      throw new ParleyError(ErrorCode.Conflict, 'Publish the article first: visitors cannot open a draft.');
    const path = helpPagePaths(deps.helpCenterPath, site.siteKey).article(article.locale, article.slug);
    // a card's summary is at most 300 characters (ArticleLinkSchema); an article's may be longer
    const full = article.summary.trim();
    const summary =
      full.length > CARD_SUMMARY_MAX
        ? `${full.slice(0, CARD_SUMMARY_MAX - 1).trimEnd()}…`
        : full || articlePlainText(article.body, CARD_SUMMARY_MAX);
    return {
      link: { title: article.title.slice(0, 160), url: `${deps.publicUrl()}${path}`, ...(summary ? { summary } : {}) },
      excerpt: articlePlainText(article.body, EXCERPT_MAX),
    };
  });
  return router;
}
