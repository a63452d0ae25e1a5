/**
 * @module Help search on PostgreSQL: each published article carries a weighted tsvector in its locale's
 * text search configuration (title A, summary B, body C; locale-stemming.ts picks english, german,
 * french, spanish, arabic…) plus its words unstemmed ('simple', weight D) so the word being typed
 * matches as a prefix. The query is `websearch_to_tsquery` of what was typed (quotes, `or`, `-word`
 * work as on a search engine) or, while the last word is being typed, the words before it and that
 * word as a prefix; ranked by ts_rank. Nothing: any word may match. Still nothing: pg_trgm's
 * word_similarity against titles and summaries finds what a typo missed.
 */
import { sql } from 'kysely';
import type { HelpSearch } from '../../help-search.ts';
import type { HelpDb } from './help-tables.ts';
import { FUZZY_THRESHOLD, toSummary, type FoundRow, type HelpIndexer } from './help-indexer.ts';
import { postgresConfig } from './locale-stemming.ts';
import { searchTerms } from './search-terms.ts';

export const postgresHelpIndexer: HelpIndexer = {
  async sync(db, article) {
    const config = postgresConfig(article.locale);
    await sql`
      update help_articles set
        search_vector = case when status = 'published' then
          setweight(to_tsvector(${config}::regconfig, title), 'A') ||
          setweight(to_tsvector(${config}::regconfig, summary), 'B') ||
          setweight(to_tsvector(${config}::regconfig, body), 'C') ||
          setweight(to_tsvector('simple', title || ' ' || summary || ' ' || body), 'D')
        end,
        search_text = lower(title || ' ' || summary)
      where id = ${article.id}`.execute(db);
  },
  // the row goes, and its columns with it
  async remove() {},
};

const LAST_WORD = /[\p{L}\p{N}]+$/u;

export function createPostgresHelpSearch(db: HelpDb): HelpSearch {
  const ranked = async (siteId: string, locale: string, query: ReturnType<typeof sql<unknown>>, limit: number) => {
    const { rows } = await sql<FoundRow>`
      select id, slug, locale, title, summary, category_id
      from help_articles, (select ${query} as q) as query
      where site_id = ${siteId} and locale = ${locale} and status = 'published' and search_vector @@ query.q
      order by ts_rank(search_vector, query.q) desc, position, title
      limit ${limit}`.execute(db);
    return rows;
  };

  return {
    async search({ siteId, locale, query, limit }) {
      const { words, prefixLast } = searchTerms(query);
      if (words.length === 0) return { match: 'none', results: [] };
      const config = postgresConfig(locale);
      // PostgreSQL text cannot hold NUL (control characters go as a whole); a bound parameter needs no other escaping
      const text = query.slice(0, 1000).replace(/\p{Cc}/gu, ' ');
      // the words are letters and digits only, so they are safe to_tsquery syntax as they stand
      const last = words[words.length - 1] ?? '';
      const prefix = sql`(to_tsquery(${config}::regconfig, ${`${last}:*`}) || to_tsquery('simple', ${`${last}:*`}))`;
      const typed = sql`websearch_to_tsquery(${config}::regconfig, ${text})`;
      const exact = prefixLast
        ? sql`(${typed} || (websearch_to_tsquery(${config}::regconfig, ${text.replace(LAST_WORD, '')}) && ${prefix}))`
        : typed;
      let rows = await ranked(siteId, locale, exact, limit);
      if (rows.length === 0 && words.length > 1) {
        const any = sql`(to_tsquery(${config}::regconfig, ${words.join(' | ')}) || ${prefixLast ? prefix : sql`''::tsquery`})`;
        rows = await ranked(siteId, locale, any, limit);
      }
      if (rows.length > 0) return { match: 'exact', results: rows.map(toSummary) };
      const near = await sql<FoundRow>`
        select id, slug, locale, title, summary, category_id
        from help_articles
        where site_id = ${siteId} and locale = ${locale} and status = 'published'
          and word_similarity(${words.join(' ')}, search_text) >= ${FUZZY_THRESHOLD}
        order by word_similarity(${words.join(' ')}, search_text) desc, position, title
        limit ${limit}`.execute(db);
      return near.rows.length > 0
        ? { match: 'fuzzy', results: near.rows.map(toSummary) }
        : { match: 'none', results: [] };
    },
  };
}
