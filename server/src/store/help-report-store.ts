/**
 * @module What the help center's report reads: counts of the recorded events over a range (all sites
 * or one), the content gaps, per-article figures, and the visitors' exposures to articles with the
 * chats they started, from which the domain decides deflection (help-deflection.ts).
 */

/** A range of instants [from, to), optionally of one site. */
export interface HelpReportFilter {
  from: string;
  to: string;
  siteId?: string | undefined;
}

export interface HelpReportCounts {
  views: number;
  searches: number;
  zeroResultSearches: number;
  helpfulVotes: number;
  unhelpfulVotes: number;
}

export interface HelpArticleCounts {
  articleId: string;
  /** Null when the article has been deleted since. */
  article: { siteId: string; title: string; locale: string; slug: string } | null;
  /** Times the widget suggested it. */
  shown: number;
  views: number;
  helpfulVotes: number;
  unhelpfulVotes: number;
}

/** A visitor was shown (suggested) or opened an article. */
export interface HelpExposure {
  siteId: string;
  visitorId: string;
  articleId: string | null;
  at: string;
}

/** A conversation a visitor started (chat, offline message). */
export interface ChatStart {
  siteId: string;
  visitorId: string;
  at: string;
}

export interface HelpReportStore {
  counts(filter: HelpReportFilter): Promise<HelpReportCounts>;
  /** The most frequent queries that found nothing, most frequent first (ties by query). */
  contentGaps(filter: HelpReportFilter, limit: number): Promise<Array<{ query: string; count: number }>>;
  /** Per article shown, viewed or voted on in the range, with the article as it is now. */
  articleCounts(filter: HelpReportFilter): Promise<HelpArticleCounts[]>;
  /** Widget visitors' `shown` and `view` events in the range, oldest first. */
  exposures(filter: HelpReportFilter): Promise<HelpExposure[]>;
  /**
   * Conversations created in [from, until) by visitors with an exposure in [from, to) (the same
   * site), oldest first: `until` reaches past `to` by the deflection window.
   */
  chatStarts(filter: HelpReportFilter, until: string): Promise<ChatStart[]>;
}
