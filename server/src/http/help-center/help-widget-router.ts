/**
 * @module /api/widget/:siteKey/help/…: the widget's public reads of the help center (search, popular
 * articles, one article with its Markdown rendered safely) and the "Did this help?" vote. Published
 * articles only. The site's own pages may read the answers (CORS for its allowed origins, as the
 * widget config); searches and votes are rate limited per address.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { VISITOR_TOKEN_HEADER, helpRoutes } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import type { HelpReader } from '../../domain/help-center/help-reader.ts';
import type { VisitorTokens } from '../../domain/visitor-tokens.ts';
import type { SiteRecord } from '../../store/site-store.ts';
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
  /** help-widget: who the visitor is, when the widget sends its token (an article opened, a vote, suggestions). */
  tokens: VisitorTokens;
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
  /**
   * help-widget: the visitor the widget's token names, for the events deflection and the agent's
   * visitor panel read; none without a token (a chat not yet connected), and a bad one is ignored:
   * reading an article never needs it.
   */
  const visitorOf = (req: Request, site: SiteRecord): string | undefined => {
    const token = req.headers[VISITOR_TOKEN_HEADER];
    return typeof token === 'string' ? deps.tokens.verify(token, site.id) : undefined;
  };
  /** The preflight of a widget call that sends the token (and, for POSTs, JSON). */
  const preflight = (methods: string) => async (req: Request, res: Response) => {
    await siteFor(req, res).catch(() => undefined);
    res.setHeader('Access-Control-Allow-Methods', methods);
    res.setHeader('Access-Control-Allow-Headers', `content-type, ${VISITOR_TOKEN_HEADER}`);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
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

  router.options(routes.article.path, preflight('GET'));
  handle(router, routes.article, async ({ params, query }, req, res) => {
    const site = await siteFor(req, res);
    const locale = reader.localeFor(site, query.locale);
    const article = await reader.article(site, locale, params.slug, 'widget', visitorOf(req, site));
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

  router.options(routes.vote.path, preflight('POST'));
  handle(
    router,
    routes.vote,
    async ({ params, query, body }, req, res) => {
      const site = await siteFor(req, res);
      const locale = reader.localeFor(site, query.locale);
      await reader.vote(site, locale, params.slug, body.helpful, 'widget', visitorOf(req, site));
      return { recorded: true as const };
    },
    perAddress(deps.limits.votes, 'Too many votes'),
  );

  // help-widget: the suggestions shown above the message box (rate limited as votes are)
  router.options(routes.shown.path, preflight('POST'));
  handle(
    router,
    routes.shown,
    async ({ query, body }, req, res) => {
      const site = await siteFor(req, res);
      await reader.shown(site, reader.localeFor(site, query.locale), body.slugs, visitorOf(req, site));
      return { recorded: true as const };
    },
    perAddress(deps.limits.votes, 'Too many reports'),
  );

  return router;
}
