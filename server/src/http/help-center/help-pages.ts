/**
 * @module The public help center's pages (home, category, article, search results, not found) as
 * HTML strings in the frame of help-page-layout.ts, with each page's structured data: the site's
 * WebSite with its SearchAction, an Article, and BreadcrumbLists.
 */
import type { HelpArticle, HelpCategory, HelpMatch } from '@parley/shared';
import { articlePlainText, renderArticle } from './article-markdown.ts';
import { helpPage, type PageFrame } from './help-page-layout.ts';
import { pageText } from './help-page-text.ts';
import { escapeHtml } from './html-escape.ts';

type Listed = Pick<HelpArticle, 'slug' | 'title' | 'summary'>;

function articleList(frame: PageFrame, articles: Listed[]): string {
  if (articles.length === 0) return `<p>${escapeHtml(pageText(frame.locale).noArticles)}</p>`;
  const items = articles.map(
    (a) =>
      `<li><a href="${escapeHtml(frame.paths.article(frame.locale, a.slug))}">${escapeHtml(a.title)}</a>${
        a.summary ? `<p>${escapeHtml(a.summary)}</p>` : ''
      }</li>`,
  );
  return `<ul class="list">\n${items.join('\n')}\n</ul>`;
}

function breadcrumbs(frame: PageFrame, trail: Array<{ name: string; path: string }>) {
  const text = pageText(frame.locale);
  const all = [{ name: text.helpCenter, path: frame.paths.home(frame.locale) }, ...trail];
  const html = `<nav class="crumbs" aria-label="Breadcrumb"><ol>${all
    .map((c, i) =>
      i === all.length - 1
        ? `<li><a href="${escapeHtml(c.path)}" aria-current="page">${escapeHtml(c.name)}</a></li>`
        : `<li><a href="${escapeHtml(c.path)}">${escapeHtml(c.name)}</a></li>`,
    )
    .join('')}</ol></nav>`;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: all.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: `${frame.publicUrl}${c.path}`,
    })),
  };
  return { html, data };
}

const titled = (frame: PageFrame, title: string) => `${title} · ${frame.siteName} ${pageText(frame.locale).helpCenter}`;

export function homePage(
  frame: PageFrame,
  contents: { categories: Array<{ category: HelpCategory; articles: HelpArticle[] }>; loose: HelpArticle[] },
  popular: HelpArticle[],
): string {
  const text = pageText(frame.locale);
  const categories = contents.categories.filter((c) => c.articles.length > 0);
  const main = `<h1>${escapeHtml(`${frame.siteName} ${text.helpCenter}`)}</h1>
${popular.length > 0 ? `<section aria-labelledby="popular"><h2 id="popular">${escapeHtml(text.popular)}</h2>\n${articleList(frame, popular)}</section>` : ''}
${
  categories.length > 0
    ? `<section aria-labelledby="categories"><h2 id="categories">${escapeHtml(text.categories)}</h2>
<ul class="list">${categories
        .map(
          ({ category }) =>
            `<li><a href="${escapeHtml(frame.paths.category(frame.locale, category.slug))}">${escapeHtml(category.title)}</a>${
              category.description ? `<p>${escapeHtml(category.description)}</p>` : ''
            }</li>`,
        )
        .join('\n')}</ul></section>`
    : ''
}
${contents.loose.length > 0 ? `<section aria-labelledby="more"><h2 id="more">${escapeHtml(text.otherArticles)}</h2>\n${articleList(frame, contents.loose)}</section>` : ''}
${popular.length === 0 && categories.length === 0 && contents.loose.length === 0 ? `<p>${escapeHtml(text.noArticles)}</p>` : ''}`;
  const home = frame.paths.home(frame.locale);
  return helpPage(frame, {
    title: `${frame.siteName} ${text.helpCenter}`,
    description: `${frame.siteName} ${text.helpCenter}: ${[...popular, ...contents.loose]
      .slice(0, 5)
      .map((a) => a.title)
      .join(', ')}`.slice(0, 300),
    canonicalPath: home,
    structuredData: [
      {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: `${frame.siteName} ${text.helpCenter}`,
        url: `${frame.publicUrl}${home}`,
        inLanguage: frame.locale,
        potentialAction: {
          '@type': 'SearchAction',
          target: `${frame.publicUrl}${frame.paths.search(frame.locale)}?q={search_term_string}`,
          'query-input': 'required name=search_term_string',
        },
      },
    ],
    main,
  });
}

export function categoryPage(frame: PageFrame, category: HelpCategory, articles: HelpArticle[]): string {
  const path = frame.paths.category(frame.locale, category.slug);
  const crumbs = breadcrumbs(frame, [{ name: category.title, path }]);
  return helpPage(frame, {
    title: titled(frame, category.title),
    description:
      category.description ||
      articles
        .map((a) => a.title)
        .join(', ')
        .slice(0, 300),
    canonicalPath: path,
    structuredData: [crumbs.data],
    main: `${crumbs.html}
<h1>${escapeHtml(category.title)}</h1>
${category.description ? `<p>${escapeHtml(category.description)}</p>` : ''}
${articleList(frame, articles)}`,
  });
}

export function articlePage(
  frame: PageFrame,
  article: HelpArticle,
  category: HelpCategory | undefined,
  translations: HelpArticle[],
): string {
  const text = pageText(frame.locale);
  const path = frame.paths.article(frame.locale, article.slug);
  const trail = category ? [{ name: category.title, path: frame.paths.category(frame.locale, category.slug) }] : [];
  const crumbs = breadcrumbs(frame, [...trail, { name: article.title, path }]);
  const description = article.summary || articlePlainText(article.body, 160);
  const updated = article.updatedAt.slice(0, 10);
  return helpPage(frame, {
    title: titled(frame, article.title),
    description,
    canonicalPath: path,
    alternates: translations.map((t) => ({ locale: t.locale, path: frame.paths.article(t.locale, t.slug) })),
    structuredData: [
      {
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: article.title,
        description,
        inLanguage: article.locale,
        datePublished: article.publishedAt ?? article.createdAt,
        dateModified: article.updatedAt,
        mainEntityOfPage: `${frame.publicUrl}${path}`,
        publisher: { '@type': 'Organization', name: frame.siteName },
      },
      crumbs.data,
    ],
    main: `${crumbs.html}
<article class="article">
<h1>${escapeHtml(article.title)}</h1>
<p class="meta">${escapeHtml(text.updated)} <time datetime="${escapeHtml(article.updatedAt)}">${escapeHtml(updated)}</time></p>
${renderArticle(article.body)}
</article>`,
  });
}

export function searchPage(frame: PageFrame, query: string, found: { match: HelpMatch; results: Listed[] }): string {
  const text = pageText(frame.locale);
  const heading = query.trim() === '' ? text.search : text.resultsFor(query);
  const body =
    found.results.length === 0
      ? `<p>${escapeHtml(query.trim() === '' ? text.searchLabel : text.noResults)}</p>`
      : `${found.match === 'fuzzy' ? `<p>${escapeHtml(text.didYouMean)}</p>` : ''}${articleList(frame, found.results)}`;
  return helpPage(frame, {
    title: titled(frame, heading),
    description: heading,
    canonicalPath: frame.paths.search(frame.locale),
    structuredData: [],
    query,
    noindex: true,
    main: `<h1>${escapeHtml(heading)}</h1>\n${body}`,
  });
}

export function notFoundPage(frame: PageFrame): string {
  const text = pageText(frame.locale);
  return helpPage(frame, {
    title: titled(frame, text.notFound),
    description: text.notFound,
    canonicalPath: frame.paths.home(frame.locale),
    structuredData: [],
    noindex: true,
    main: `<h1>${escapeHtml(text.notFound)}</h1>\n<p><a href="${escapeHtml(frame.paths.home(frame.locale))}">${escapeHtml(text.backHome)}</a></p>`,
  });
}
