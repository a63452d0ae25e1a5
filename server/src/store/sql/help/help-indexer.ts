/**
 * @module What the help center store calls after every article write, inside the same transaction, so
 * the search index never disagrees with the articles: a published article is (re)indexed, any other
 * is taken out. One implementation per engine, beside that engine's search.
 */
import type { HelpArticle } from '@parley/shared';
import type { HelpDb } from './help-tables.ts';

export interface HelpIndexer {
  sync(db: HelpDb, article: HelpArticle): Promise<void>;
  /** Before the article's row is deleted. */
  remove(db: HelpDb, articleId: string): Promise<void>;
}

/** A found article's summary columns, as both engines select them. */
export interface FoundRow {
  id: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  category_id: string | null;
}

export const toSummary = (row: FoundRow) => ({
  id: row.id,
  slug: row.slug,
  locale: row.locale,
  title: row.title,
  summary: row.summary,
  categoryId: row.category_id,
});

/** Fallback candidates must be at least this alike (pg_trgm word_similarity; Dice of trigrams in SQLite). */
export const FUZZY_THRESHOLD = 0.4;
