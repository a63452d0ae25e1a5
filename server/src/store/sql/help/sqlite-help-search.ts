/**
 * @module Help search on SQLite: FTS5 ranked by bm25 with titles weighing most (title 10, summary 4,
 * body 1). FTS5's only stemmer is English (porter), so words are stemmed here with Snowball in the
 * article's locale (locale-stemming.ts) and indexed as such; a `raw` column keeps them unstemmed so
 * the word being typed matches as a prefix ("shipp" → "shipping", whose stem is "ship"). Every word
 * of the query must match; if none does, any may; if still nothing, the trigram table proposes
 * candidates that are kept when alike enough (trigram-similarity.ts): typos find their article.
 */
import { sql } from 'kysely';
import type { HelpSearch } from '../../help-search.ts';
import type { HelpDb } from './help-tables.ts';
import { FUZZY_THRESHOLD, toSummary, type FoundRow, type HelpIndexer } from './help-indexer.ts';
import { stem, stemmedText } from './locale-stemming.ts';
import { searchTerms } from './search-terms.ts';
import { textSimilarity, trigrams } from './trigram-similarity.ts';

const FUZZY_CANDIDATES = 50;
const MAX_TRIGRAMS = 64;
const WORDS = /[\p{L}\p{N}]+/gu;

export const sqliteHelpIndexer: HelpIndexer = {
  async sync(db, article) {
    await this.remove(db, article.id);
    if (article.status !== 'published') return;
    const rowid = sql<number>`(select rowid from help_articles where id = ${article.id})`;
    const { locale } = article;
    await db
      .insertInto('help_search')
      .values({
        rowid,
        article_id: article.id,
        site_id: article.siteId,
        locale,
        title: stemmedText(locale, article.title),
        summary: stemmedText(locale, article.summary),
        body: stemmedText(locale, article.body),
        raw: wordsOf(`${article.title} ${article.summary} ${article.body}`).join(' '),
      })
      .execute();
    await db
      .insertInto('help_trigrams')
      .values({
        rowid,
        article_id: article.id,
        site_id: article.siteId,
        locale,
        text: `${article.title} ${article.summary}`.toLowerCase(),
      })
      .execute();
  },
  async remove(db, articleId) {
    const rowid = sql<number>`(select rowid from help_articles where id = ${articleId})`;
    await db.deleteFrom('help_search').where('rowid', '=', rowid).execute();
    await db.deleteFrom('help_trigrams').where('rowid', '=', rowid).execute();
  },
};

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORDS) ?? [];
}

/** A word as an FTS5 string: letters and digits only, so quoting is all the escaping it needs. */
const quoted = (word: string) => `"${word}"`;

export function createSqliteHelpSearch(db: HelpDb): HelpSearch {
  const ranked = async (siteId: string, locale: string, match: string, limit: number) => {
    const { rows } = await sql<FoundRow>`
      select a.id, a.slug, a.locale, a.title, a.summary, a.category_id
      from help_search s join help_articles a on a.rowid = s.rowid
      where help_search match ${match} and s.site_id = ${siteId} and s.locale = ${locale}
      order by bm25(help_search, 0, 0, 0, 10.0, 4.0, 1.0, 0.5), a.position, a.title
      limit ${limit}`.execute(db);
    return rows;
  };

  const fuzzy = async (siteId: string, locale: string, words: string[], limit: number) => {
    const long = words.filter((w) => Array.from(w).length >= 3);
    const grams = [...new Set(long.flatMap((w) => [...trigrams(w)]))]
      .filter((g) => !g.includes(' '))
      .slice(0, MAX_TRIGRAMS);
    if (grams.length === 0) return [];
    const { rows } = await sql<FoundRow>`
      select a.id, a.slug, a.locale, a.title, a.summary, a.category_id
      from help_trigrams t join help_articles a on a.rowid = t.rowid
      where help_trigrams match ${grams.map(quoted).join(' OR ')} and t.site_id = ${siteId} and t.locale = ${locale}
      order by bm25(help_trigrams)
      limit ${FUZZY_CANDIDATES}`.execute(db);
    return rows
      .map((row) => ({ row, score: textSimilarity(long, wordsOf(`${row.title} ${row.summary}`)) }))
      .filter((c) => c.score >= FUZZY_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((c) => c.row);
  };

  return {
    async search({ siteId, locale, query, limit }) {
      const { words, prefixLast } = searchTerms(query);
      if (words.length === 0) return { match: 'none', results: [] };
      const terms = words.map((word, i) => {
        const stemmed = quoted(stem(locale, word));
        return prefixLast && i === words.length - 1 ? `(${stemmed}* OR raw : ${quoted(word)}*)` : stemmed;
      });
      let rows = await ranked(siteId, locale, terms.join(' AND '), limit);
      if (rows.length === 0 && terms.length > 1) rows = await ranked(siteId, locale, terms.join(' OR '), limit);
      if (rows.length > 0) return { match: 'exact', results: rows.map(toSummary) };
      const near = await fuzzy(siteId, locale, words, limit);
      return near.length > 0 ? { match: 'fuzzy', results: near.map(toSummary) } : { match: 'none', results: [] };
    },
  };
}
