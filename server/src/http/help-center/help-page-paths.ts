/**
 * @module The public help center's URLs under HELP_CENTER_PATH, written once for the pages, the
 * sitemap, canonical links and the widget's "open the full page".
 */
export interface HelpPagePaths {
  home(locale: string): string;
  category(locale: string, slug: string): string;
  article(locale: string, slug: string): string;
  search(locale: string, query?: string): string;
  sitemap(): string;
  /** The site's colours. */
  theme(): string;
}

export function helpPagePaths(base: string, siteKey: string): HelpPagePaths {
  const site = `${base}/${encodeURIComponent(siteKey)}`;
  return {
    home: (locale) => `${site}/${locale}/`,
    category: (locale, slug) => `${site}/${locale}/categories/${slug}`,
    article: (locale, slug) => `${site}/${locale}/articles/${slug}`,
    search: (locale, query) =>
      `${site}/${locale}/search${query === undefined ? '' : `?q=${encodeURIComponent(query)}`}`,
    sitemap: () => `${site}/sitemap.xml`,
    theme: () => `${site}/theme.css`,
  };
}
