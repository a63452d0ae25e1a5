/**
 * @module Migration 0021: the help center (issue 20). Per-site categories and articles, each in one
 * locale with a slug unique per site and locale, ordered by position; every article's revisions; the
 * measured events (views, searches with their query, votes). The search index differs per engine:
 * - SQLite: an FTS5 table of the published articles' Snowball-stemmed words (bm25 ranks it; `raw` keeps
 *   them unstemmed for prefixes) and an FTS5 trigram table of their titles and summaries for the typo-tolerant fallback;
 * - PostgreSQL: a weighted tsvector column (title A, summary B, body C) with a GIN index, and the title
 *   and summary as text for pg_trgm's word_similarity (the extension ships with PostgreSQL's contrib).
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../store.ts';

export function helpCenterMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('help_categories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('help_categories_site_locale_slug', ['site_id', 'locale', 'slug'])
        .execute();

      await db.schema
        .createTable('help_articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('category_id', 'text', (c) => c.references('help_categories.id').onDelete('set null'))
        .addColumn('translation_group_id', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addUniqueConstraint('help_articles_site_locale_slug', ['site_id', 'locale', 'slug'])
        .execute();
      await db.schema
        .createIndex('help_articles_site_locale_status')
        .on('help_articles')
        .columns(['site_id', 'locale', 'status'])
        .execute();
      await db.schema
        .createIndex('help_articles_translation_group')
        .on('help_articles')
        .column('translation_group_id')
        .execute();

      await db.schema
        .createTable('help_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('help_articles.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('author_name', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('changed', 'text', (c) => c.notNull()) // JSON array of field names
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('help_revisions_article_number', ['article_id', 'number'])
        .execute();

      await db.schema
        .createTable('help_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('kind', 'text', (c) => c.notNull()) // view | search | vote
        .addColumn('source', 'text', (c) => c.notNull()) // widget | page | agent
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text') // no reference: counts outlive a deleted article
        .addColumn('query', 'text')
        .addColumn('result_count', 'integer')
        .addColumn('helpful', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('help_events_site_kind_at')
        .on('help_events')
        .columns(['site_id', 'kind', 'at'])
        .execute();

      if (engine === 'sqlite') {
        await sql`create virtual table help_search using fts5(
          article_id unindexed, site_id unindexed, locale unindexed, title, summary, body, raw,
          tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
        await sql`create virtual table help_trigrams using fts5(
          article_id unindexed, site_id unindexed, locale unindexed, text,
          tokenize = 'trigram remove_diacritics 1')`.execute(db);
      } else {
        await sql`create extension if not exists pg_trgm`.execute(db);
        await sql`alter table help_articles add column search_vector tsvector`.execute(db);
        await sql`alter table help_articles add column search_text text not null default ''`.execute(db);
        await sql`create index help_articles_search on help_articles using gin (search_vector)`.execute(db);
      }
    },
  };
}
