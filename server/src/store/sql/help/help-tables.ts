/**
 * @module The help center's tables as kysely sees them (migration 0021). Kept beside the help center's
 * queries and added to the database type with `db.withTables<HelpTables>()`, so schema.ts stays as it is.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface HelpCategoriesTable {
  id: string;
  site_id: string;
  locale: string;
  slug: string;
  title: string;
  description: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface HelpArticlesTable {
  id: string;
  site_id: string;
  category_id: string | null;
  translation_group_id: string;
  locale: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  status: string; // draft | published
  position: number;
  view_count: Generated<number>;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface HelpRevisionsTable {
  id: string;
  article_id: string;
  number: number;
  action: string;
  author_id: string | null;
  author_name: string | null;
  title: string;
  summary: string;
  body: string;
  slug: string;
  status: string;
  changed: string; // JSON string[]
  created_at: string;
}

export interface HelpEventsTable {
  id: string;
  site_id: string;
  kind: string;
  source: string;
  locale: string;
  article_id: string | null;
  query: string | null;
  result_count: number | null;
  helpful: number | null;
  at: string;
  /** The widget's visitor (migration 0024); null from pages, agents and older rows. */
  visitor_id: string | null;
}

/** SQLite only: the FTS5 index of published articles (stemmed words). */
export interface HelpSearchTable {
  rowid: number;
  article_id: string;
  site_id: string;
  locale: string;
  title: string;
  summary: string;
  body: string;
  raw: string;
}

/** SQLite only: the FTS5 trigram index of published articles' titles and summaries. */
export interface HelpTrigramsTable {
  rowid: number;
  article_id: string;
  site_id: string;
  locale: string;
  text: string;
}

// a type alias, not an interface: kysely's withTables wants a type with an index signature
export type HelpTables = {
  help_categories: HelpCategoriesTable;
  help_articles: HelpArticlesTable;
  help_revisions: HelpRevisionsTable;
  help_events: HelpEventsTable;
  help_search: HelpSearchTable;
  help_trigrams: HelpTrigramsTable;
};

export type HelpDb = Kysely<Database & HelpTables>;

export const withHelpTables = (db: Kysely<Database>): HelpDb => db.withTables<HelpTables>();
