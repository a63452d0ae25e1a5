/**
 * @module /api/widget/:siteKey/help/…: the widget's public reads of the help center (search, popular
 * articles, one article with its Markdown rendered safely) and the "Did this help?" vote. Published
 * articles only. The site's own pages may read the answers (CORS for its allowed origins, as the
 * widget config); searches and votes are rate limited per address.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { helpRoutes } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import type { HelpReader } from '../../domain/help-center/help-reader.ts';
import { ParleyError } from '../../errors.ts';
import { requestAddress } from '../../limits/client-address.ts';
import type { RateLimit } from '../../limits/rate-limit.ts';
import { rateLimited } from '../../limits/rate-limited.ts';
import { handle } from '../rest-route.ts';
import { renderArticle } from './article-markdown.ts';
import { helpPagePaths } from './help-page-paths.ts';

const POPULAR_SHOWN = 5;

export interface HelpWidgetDeps {
  reader: HelpReader;
  limits: { search: RateLimit; votes: RateLimit };
  publicUrl: () => string;
  helpCenterPath: string;
}

function perAddress(limit: RateLimit, what: string): RequestHandler {
  return async (req, res, next) => {
    const waitMs = await limit.consume(requestAddress(req));
    if (waitMs === 0) return next();
    // the widget on any page reads the refusal (it says nothing about the site)
    res.setHeader('Access-Control-Allow-Origin', '*');
    throw rateLimited(what, waitMs);
  };
}

export function helpWidgetRouter(deps: HelpWidgetDeps): Router {
  const { reader } = deps;
  const router = Router();
  const routes = helpRoutes.widget;

  /** The site, with CORS for its own pages set before anything can fail (so errors are readable too). */
  const siteFor = async (req: Request, res: Response) => {
    res.setHeader('Vary', 'Origin');
    const siteKey = typeof req.params.siteKey === 'string' ? req.params.siteKey : '';
    const site = await reader.site(siteKey);
    const origin = req.headers.origin;
    if (origin !== undefined && site.allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
    } else if (origin !== undefined && origin !== new URL(deps.publicUrl()).origin && req.method !== 'GET') {
      // a vote from a page that is neither the site's nor the help center's own
      throw new ParleyError(ErrorCode.OriginNotAllowed, 'This page’s origin is not allowed for this site');
    }
    return site;
  };

  handle(
    router,
    routes.search,
    async ({ query }, req, res) => {
      const site = await siteFor(req, res);
      return reader.search(site, {
        query: query.q,
        locale: reader.localeFor(site, query.locale),
        limit: query.limit,
        source: 'widget',
      });
    },
    perAddress(deps.limits.search, 'Too many help searches'),
  );

  handle(router, routes.popular, async ({ query }, req, res) => {
    const site = await siteFor(req, res);
    const articles = await reader.popular(site, reader.localeFor(site, query.locale), POPULAR_SHOWN);
    res.setHeader('Cache-Control', 'public, max-age=60');
    return {
      articles: articles.map(({ id, slug, locale, title, summary, categoryId }) => ({
        id,
        slug,
        locale,
        title,
        summary,
        categoryId,
      })),
    };
  });

  handle(router, routes.article, async ({ params, query }, req, res) => {
    const site = await siteFor(req, res);
    const locale = reader.localeFor(site, query.locale);
    const article = await reader.article(site, locale, params.slug, 'widget');
    const paths = helpPagePaths(deps.helpCenterPath, site.siteKey);
    return {
      article: {
        id: article.id,
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        summary: article.summary,
        categoryId: article.categoryId,
        html: renderArticle(article.body),
        updatedAt: article.updatedAt,
        url: `${deps.publicUrl()}${paths.article(locale, article.slug)}`,
      },
    };
  });

  router.options(routes.vote.path, async (req, res) => {
    await siteFor(req, res).catch(() => undefined);
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });
  handle(
    router,
    routes.vote,
    async ({ params, query, body }, req, res) => {
      const site = await siteFor(req, res);
      await reader.vote(site, reader.localeFor(site, query.locale), params.slug, body.helpful, 'widget');
      return { recorded: true as const };
    },
    perAddress(deps.limits.votes, 'Too many votes'),
  );

  return router;
}
