/**
 * @module Reading the help center as visitors do (the widget's API and the public pages): published
 * articles only, in the asked locale or else the site's, and every view, search and vote recorded so
 * the reports can show what was read, what was looked for in vain (content gaps) and what helped.
 */
import {
  HELP_QUERY_MAX,
  type HelpArticle,
  type HelpCategory,
  type HelpMode,
  type HelpSearchResponse,
} from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import type { SiteRecord } from '../../store/site-store.ts';
import type { Store } from '../../store/store.ts';
import type { HelpEvent, HelpEventSource } from '../../store/help-center-store.ts';
import { newId } from '../ids.ts';

export const DEFAULT_HELP_LOCALE = 'en';

/** Told of every recorded event and every search's time (the /metrics counters). */
export interface HelpObserver {
  recorded(event: HelpEvent): void;
  searched(seconds: number): void;
}

export class HelpReader {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #observer: HelpObserver | undefined;

  constructor(deps: { store: Store; now: () => Date; observer?: HelpObserver | undefined }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#observer = deps.observer;
  }

  async site(siteKey: string): Promise<SiteRecord> {
    const site = await this.#store.sites.findByKey(siteKey);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
    return site;
  }

  /** The locale asked for, else the site's, else English. */
  localeFor(site: SiteRecord, asked: string | undefined): string {
    return asked ?? site.locale?.toLowerCase() ?? DEFAULT_HELP_LOCALE;
  }

  /** Searches and records the search (with its query, bounded) unless it was empty. */
  async search(
    site: SiteRecord,
    request: { query: string; locale: string; limit: number; source: HelpEventSource },
  ): Promise<HelpSearchResponse> {
    const query = Array.from(request.query).slice(0, HELP_QUERY_MAX).join('');
    const started = performance.now();
    const { match, results } = await this.#store.helpSearch.search({
      siteId: site.id,
      locale: request.locale,
      query,
      limit: request.limit,
    });
    this.#observer?.searched((performance.now() - started) / 1000);
    const recorded = query.trim();
    if (recorded !== '') {
      await this.#record(site, request.locale, request.source, { query: recorded, resultCount: results.length });
    }
    return { query, locale: request.locale, match, results };
  }

  popular(site: SiteRecord, locale: string, limit: number): Promise<HelpArticle[]> {
    return this.#store.helpCenter.popular(site.id, locale, limit);
  }

  /** A published article by slug; the view is recorded when `source` is given (with the widget's visitor, if known). */
  async article(
    site: SiteRecord,
    locale: string,
    slug: string,
    source?: HelpEventSource,
    visitorId?: string,
  ): Promise<HelpArticle> {
    const article = await this.#store.helpCenter.findArticleBySlug(site.id, locale, slug);
    if (!article || article.status !== 'published') throw notFound('Article');
    if (source !== undefined) await this.#record(site, locale, source, { articleId: article.id, visitorId });
    return article;
  }

  async vote(
    site: SiteRecord,
    locale: string,
    slug: string,
    helpful: boolean,
    source: HelpEventSource,
    visitorId?: string,
  ): Promise<void> {
    const article = await this.article(site, locale, slug);
    await this.#record(site, locale, source, { articleId: article.id, helpful, visitorId });
  }

  /**
   * help-widget: the widget suggested these articles (slugs of published ones in `locale`) while the
   * visitor wrote; one `shown` event each. Slugs that name no published article are left out.
   */
  async shown(site: SiteRecord, locale: string, slugs: string[], visitorId?: string): Promise<void> {
    for (const slug of new Set(slugs)) {
      const article = await this.#store.helpCenter.findArticleBySlug(site.id, locale, slug);
      if (article?.status === 'published')
        await this.#record(site, locale, 'widget', { articleId: article.id, shown: true, visitorId });
    }
  }

  /** help-widget: what the widget config says of the help center (see WidgetConfig's `help`). */
  async widgetMode(site: SiteRecord): Promise<HelpMode | undefined> {
    if (site.helpMode !== 'chat') return site.helpMode;
    return (await this.#store.helpCenter.hasPublished(site.id)) ? 'chat' : undefined;
  }

  /** The published categories of a locale, each with its published articles in order, and the uncategorised. */
  async contents(
    site: SiteRecord,
    locale: string,
  ): Promise<{ categories: Array<{ category: HelpCategory; articles: HelpArticle[] }>; loose: HelpArticle[] }> {
    const [categories, articles] = await Promise.all([
      this.#store.helpCenter.listCategories(site.id, locale),
      this.#store.helpCenter.listArticles(site.id, { locale, status: 'published' }),
    ]);
    return {
      categories: categories.map((category) => ({
        category,
        articles: articles.filter((a) => a.categoryId === category.id),
      })),
      loose: articles.filter((a) => a.categoryId === null),
    };
  }

  /** Every published article of the site, in every locale (for the sitemap). */
  published(site: SiteRecord): Promise<HelpArticle[]> {
    return this.#store.helpCenter.listArticles(site.id, { status: 'published' });
  }

  async #record(
    site: SiteRecord,
    locale: string,
    source: HelpEventSource,
    what: {
      articleId?: string;
      query?: string;
      resultCount?: number;
      helpful?: boolean;
      shown?: true;
      visitorId?: string | undefined;
    },
  ): Promise<void> {
    const kind = what.shown
      ? 'shown'
      : what.query !== undefined
        ? 'search'
        : what.helpful !== undefined
          ? 'vote'
          : 'view';
    const event: HelpEvent = {
      id: newId('hevt'),
      siteId: site.id,
      kind,
      source,
      locale,
      articleId: what.articleId ?? null,
      query: what.query ?? null,
      resultCount: what.resultCount ?? null,
      helpful: what.helpful ?? null,
      at: this.#now().toISOString(),
      visitorId: what.visitorId ?? null,
    };
    await this.#store.helpCenter.recordEvent(event);
    this.#observer?.recorded(event);
  }
}
