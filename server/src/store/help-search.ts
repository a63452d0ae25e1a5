/**
 * @module Searching a site's published help articles in one locale. One implementation per engine
 * (store/sql/help/): SQLite FTS5 with bm25, PostgreSQL full-text search with ts_rank; both keep the
 * same contract (test/help/help-search-contract.ts): stemming, prefix matching on the word being typed,
 * titles above bodies, a typo-tolerant trigram fallback when nothing matches exactly, and any text
 * answered (never an error).
 */
import type { HelpArticleSummary, HelpMatch } from '@parley/shared';

export interface HelpSearchRequest {
  siteId: string;
  locale: string;
  /** As typed; the implementation bounds and escapes it. */
  query: string;
  limit: number;
}

export interface HelpSearchResult {
  match: HelpMatch;
  results: HelpArticleSummary[];
}

export interface HelpSearch {
  search(request: HelpSearchRequest): Promise<HelpSearchResult>;
}
