/**
 * @module The help center's storage: per-site categories and articles with their order, each article's
 * revisions, and the measured events (views, searches, votes). Search is its own seam (help-search.ts).
 */
import type {
  HelpArticle,
  HelpArticleStatus,
  HelpCategory,
  HelpRevision,
  HelpRevisionAction,
  VisitorHelpArticle,
} from '@parley/shared';

export interface HelpCategoryWrite {
  locale: string;
  slug: string;
  title: string;
  description: string;
}

export interface HelpArticleWrite {
  categoryId: string | null;
  locale: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
}

/** Who made a change and how, recorded as a revision beside it. */
export interface HelpChange {
  action: HelpRevisionAction;
  authorId: string | null;
  authorName: string | null;
  revisionId: string;
  now: string;
}

/** `shown`: suggested in the widget while the visitor wrote a first message (counts toward deflection, not views). */
export type HelpEventKind = 'view' | 'search' | 'vote' | 'shown';
export type HelpEventSource = 'widget' | 'page' | 'agent';

export interface HelpEvent {
  id: string;
  siteId: string;
  kind: HelpEventKind;
  source: HelpEventSource;
  locale: string;
  articleId: string | null;
  /** The query as searched (bounded), for searches. */
  query: string | null;
  /** How many articles a search found. */
  resultCount: number | null;
  /** A vote's answer. */
  helpful: boolean | null;
  at: string;
  /** The widget's visitor, when the widget said who it is (migration 0024). */
  visitorId: string | null;
}

export interface HelpEventCounts {
  views: number;
  searches: number;
  zeroResultSearches: number;
  helpfulVotes: number;
  unhelpfulVotes: number;
}

export interface HelpCenterStore {
  listCategories(siteId: string, locale?: string): Promise<HelpCategory[]>;
  findCategory(siteId: string, id: string): Promise<HelpCategory | undefined>;
  findCategoryBySlug(siteId: string, locale: string, slug: string): Promise<HelpCategory | undefined>;
  /** Appended last in its locale. A Conflict ParleyError when the slug is taken in that locale. */
  createCategory(siteId: string, id: string, values: HelpCategoryWrite, now: string): Promise<HelpCategory>;
  updateCategory(
    siteId: string,
    id: string,
    changes: Partial<Omit<HelpCategoryWrite, 'locale'>>,
    now: string,
  ): Promise<HelpCategory | undefined>;
  /** Its articles become uncategorised. True when something was deleted. */
  deleteCategory(siteId: string, id: string): Promise<boolean>;
  /** Sets positions 0… in the order given (ids of the site's categories only). */
  reorderCategories(siteId: string, ids: string[], now: string): Promise<void>;

  listArticles(siteId: string, filter: { locale?: string; status?: HelpArticleStatus }): Promise<HelpArticle[]>;
  findArticle(siteId: string, id: string): Promise<HelpArticle | undefined>;
  findArticleBySlug(siteId: string, locale: string, slug: string): Promise<HelpArticle | undefined>;
  /** The versions of one article in every locale. */
  translations(siteId: string, translationGroupId: string): Promise<HelpArticle[]>;
  /** A draft, appended last in its category; a revision records it. Conflict when the slug is taken. */
  createArticle(
    siteId: string,
    article: { id: string; translationGroupId: string; values: HelpArticleWrite },
    change: HelpChange,
  ): Promise<HelpArticle>;
  /** Changes fields and/or status and records a revision; the search index follows. */
  updateArticle(
    siteId: string,
    id: string,
    changes: Partial<HelpArticleWrite> & { status?: HelpArticleStatus },
    change: HelpChange,
  ): Promise<HelpArticle | undefined>;
  deleteArticle(siteId: string, id: string): Promise<boolean>;
  /** Sets positions 0… in the order given. */
  reorderArticles(siteId: string, ids: string[], now: string): Promise<void>;
  /** Newest first. */
  revisions(articleId: string): Promise<HelpRevision[]>;

  /** Published articles of a locale, most viewed first. */
  popular(siteId: string, locale: string, limit: number): Promise<HelpArticle[]>;
  recordEvent(event: HelpEvent): Promise<void>;
  /** Counts of events in [from, to). */
  eventCounts(siteId: string, from: string, to: string): Promise<HelpEventCounts>;
  /** The most frequent queries that found nothing, in [from, to). */
  contentGaps(
    siteId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<Array<{ query: string; count: number }>>;
  // help-console: pictures in articles are public only while a published article shows them
  /** Whether a published article of the site has `text` in its body (as written, not as a pattern). */
  publishedBodyContains(siteId: string, text: string): Promise<boolean>;
  // help-widget
  /** The articles a visitor was shown, opened or voted on in the widget, newest first. */
  visitorArticles(visitorId: string, limit: number): Promise<VisitorHelpArticle[]>;
  /** Whether the site has a published article in any locale. */
  hasPublished(siteId: string): Promise<boolean>;
}
