/**
 * @module The public help center at HELP_CENTER_PATH (default /help): server-rendered pages per site
 * and locale (`/help/<site key>/<locale>/`, `…/categories/<slug>`, `…/articles/<slug>`, `…/search?q=`),
 * the shared stylesheet, each site's colours and `sitemap.xml`. Pages work without JavaScript; each
 * carries the site's widget snippet. Their policy is the console's (nothing inline, scripts from here
 * only) with pictures from any https address, for articles' images and agents' avatars in the widget.
 */
import { Router, type Request, type Response } from 'express';
import { contentSecurityPolicy } from 'helmet';
import { HelpLocaleSchema, HelpQueryTextSchema, HelpSlugSchema } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { textColorOn } from '@parley/shared/client-core';
import type { HelpReader } from '../../domain/help-center/help-reader.ts';
import { ParleyError, toParleyError } from '../../errors.ts';
import { requestAddress } from '../../limits/client-address.ts';
import type { RateLimit } from '../../limits/rate-limit.ts';
import type { SiteRecord } from '../../store/site-store.ts';
import { HELP_CSS, themeCss, type PageFrame } from './help-page-layout.ts';
import { helpPagePaths } from './help-page-paths.ts';
import { articlePage, categoryPage, homePage, notFoundPage, searchPage } from './help-pages.ts';
import { escapeHtml } from './html-escape.ts';
import { sitemapXml } from './help-sitemap.ts';

const POPULAR_SHOWN = 5;
const SEARCH_SHOWN = 20;
const HEX = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

export interface HelpPagesDeps {
  reader: HelpReader;
  basePath: string;
  publicUrl: () => string;
  searchLimit: RateLimit;
}

const pagePolicy = contentSecurityPolicy({
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  },
});

export function helpPagesRouter(deps: HelpPagesDeps): Router {
  const { reader, basePath } = deps;
  const router = Router();

  router.get(`${basePath}/assets/help.css`, (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(HELP_CSS);
  });

  /** Runs a page; an unknown site, locale or slug answers the not-found page (404). */
  const page = (render: (req: Request, res: Response, site: SiteRecord, frame: PageFrame) => Promise<string>) => {
    return async (req: Request, res: Response) => {
      const siteKey = String(req.params.siteKey ?? '');
      const site = await reader.site(siteKey).catch(() => undefined);
      if (!site) {
        res.status(404).type('text/plain').send('No help center here.');
        return;
      }
      const asked = req.params.locale === undefined ? undefined : HelpLocaleSchema.safeParse(req.params.locale);
      const locale = asked?.success ? asked.data : reader.localeFor(site, undefined);
      const frame: PageFrame = {
        publicUrl: deps.publicUrl(),
        assetsPath: `${basePath}/assets`,
        siteKey: site.siteKey,
        siteName: site.name,
        locale,
        paths: helpPagePaths(basePath, site.siteKey),
      };
      pagePolicy(req, res, () => undefined);
      try {
        if (asked && !asked.success) throw new ParleyError(ErrorCode.NotFound, 'No such locale');
        const html = await render(req, res, site, frame);
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'public, max-age=60');
        res.type('html').send(html);
      } catch (error) {
        const parleyError = toParleyError(error);
        if (parleyError.code === ErrorCode.NotFound) {
          res.status(404).type('html').send(notFoundPage(frame));
        } else if (parleyError.code === ErrorCode.RateLimited) {
          res.setHeader('Retry-After', String(Math.ceil((parleyError.retryAfterMs ?? 1000) / 1000)));
          res
            .status(429)
            .type('html')
            .send(`<!doctype html><title>429</title><p>${escapeHtml(parleyError.message)}</p>`);
        } else {
          throw error;
        }
      }
    };
  };

  router.get(`${basePath}/:siteKey/theme.css`, async (req, res) => {
    const site = await reader.site(String(req.params.siteKey)).catch(() => undefined);
    const brand = site && HEX.test(site.color) ? site.color : '#1f2937';
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=300');
    res.send(themeCss(brand, textColorOn(brand)));
  });

  router.get(`${basePath}/:siteKey/sitemap.xml`, async (req, res) => {
    const site = await reader.site(String(req.params.siteKey)).catch(() => undefined);
    if (!site) {
      res.status(404).type('text/plain').send('No help center here.');
      return;
    }
    const articles = await reader.published(site);
    const categories = await Promise.all(
      [...new Set(articles.map((a) => a.locale))].map(
        async (locale) => (await reader.contents(site, locale)).categories,
      ),
    );
    res.type('application/xml').setHeader('Cache-Control', 'public, max-age=300');
    res.send(sitemapXml(deps.publicUrl(), helpPagePaths(basePath, site.siteKey), articles, categories.flat()));
  });

  router.get([`${basePath}/:siteKey`, `${basePath}/:siteKey/`], async (req, res) => {
    const site = await reader.site(String(req.params.siteKey)).catch(() => undefined);
    if (!site) {
      res.status(404).type('text/plain').send('No help center here.');
      return;
    }
    res.redirect(302, helpPagePaths(basePath, site.siteKey).home(reader.localeFor(site, undefined)));
  });

  router.get(
    `${basePath}/:siteKey/:locale`,
    page(async (_req, _res, site, frame) =>
      homePage(
        frame,
        await reader.contents(site, frame.locale),
        await reader.popular(site, frame.locale, POPULAR_SHOWN),
      ),
    ),
  );

  router.get(
    `${basePath}/:siteKey/:locale/categories/:slug`,
    page(async (req, _res, site, frame) => {
      const slug = HelpSlugSchema.safeParse(req.params.slug);
      const contents = await reader.contents(site, frame.locale);
      const found = slug.success ? contents.categories.find((c) => c.category.slug === slug.data) : undefined;
      if (!found) throw new ParleyError(ErrorCode.NotFound, 'No such category');
      return categoryPage(frame, found.category, found.articles);
    }),
  );

  router.get(
    `${basePath}/:siteKey/:locale/articles/:slug`,
    page(async (req, _res, site, frame) => {
      const slug = HelpSlugSchema.safeParse(req.params.slug);
      if (!slug.success) throw new ParleyError(ErrorCode.NotFound, 'No such article');
      const article = await reader.article(site, frame.locale, slug.data, 'page');
      const { categories } = await reader.contents(site, frame.locale);
      const category = categories.find((c) => c.category.id === article.categoryId)?.category;
      const translations = (await reader.published(site)).filter(
        (a) => a.translationGroupId === article.translationGroupId && a.id !== article.id,
      );
      return articlePage(frame, article, category, translations);
    }),
  );

  router.get(
    `${basePath}/:siteKey/:locale/search`,
    page(async (req, res, site, frame) => {
      const query = HelpQueryTextSchema.parse(req.query.q);
      res.setHeader('Cache-Control', 'no-store');
      if (query.trim() === '') return searchPage(frame, query, { match: 'none', results: [] });
      const waitMs = await deps.searchLimit.consume(requestAddress(req));
      if (waitMs > 0)
        throw new ParleyError(ErrorCode.RateLimited, 'Too many searches: try again shortly', { retryAfterMs: waitMs });
      const found = await reader.search(site, { query, locale: frame.locale, limit: SEARCH_SHOWN, source: 'page' });
      return searchPage(frame, query, found);
    }),
  );

  return router;
}
