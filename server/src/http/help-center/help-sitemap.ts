/**
 * @module `sitemap.xml` of one site's help center: each locale's home, its categories that hold
 * published articles, and every published article with when it last changed.
 */
import type { HelpArticle, HelpCategory } from '@parley/shared';
import type { HelpPagePaths } from './help-page-paths.ts';
import { escapeHtml } from './html-escape.ts';

export function sitemapXml(
  publicUrl: string,
  paths: HelpPagePaths,
  articles: HelpArticle[],
  categories: Array<{ category: HelpCategory; articles: HelpArticle[] }>,
): string {
  const url = (path: string, lastmod?: string) =>
    `<url><loc>${escapeHtml(`${publicUrl}${path}`)}</loc>${lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : ''}</url>`;
  const latest = (list: HelpArticle[]) =>
    list
      .map((a) => a.updatedAt)
      .sort()
      .at(-1);
  const locales = [...new Set(articles.map((a) => a.locale))].sort();
  const entries = [
    ...locales.map((locale) => url(paths.home(locale), latest(articles.filter((a) => a.locale === locale)))),
    ...categories
      .filter((c) => c.articles.length > 0)
      .map((c) => url(paths.category(c.category.locale, c.category.slug), latest(c.articles))),
    ...articles.map((a) => url(paths.article(a.locale, a.slug), a.updatedAt)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</urlset>
`;
}
