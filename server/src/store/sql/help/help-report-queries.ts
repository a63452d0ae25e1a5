/**
 * @module The help center report's reads in SQL, the same on both engines: counts and gaps grouped by
 * the database, exposures and chat starts as rows (deflection is decided by the domain, so both
 * engines agree to the second). Ranges are [from, to) on the ISO text of `at` and `created_at`.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { HelpReportFilter, HelpReportStore } from '../../help-report-store.ts';
import type { Database } from '../schema.ts';
import { chunks } from '../chunks.ts';
import type { HelpDb, HelpTables } from './help-tables.ts';

type EventsQuery<O> = SelectQueryBuilder<Database & HelpTables, 'help_events', O>;

/** The range and the site, on help_events. */
function inRange<O>(query: EventsQuery<O>, { from, to, siteId }: HelpReportFilter): EventsQuery<O> {
  const ranged = query.where('help_events.at', '>=', from).where('help_events.at', '<', to);
  return siteId === undefined ? ranged : ranged.where('help_events.site_id', '=', siteId);
}

const EXPOSURE_KINDS = ['shown', 'view'];

export function createHelpReportStore(db: HelpDb): HelpReportStore {
  return {
    async counts(filter) {
      const row = await inRange(
        db
          .selectFrom('help_events')
          .select([
            sql<number>`sum(case when kind = 'view' then 1 else 0 end)`.as('views'),
            sql<number>`sum(case when kind = 'search' then 1 else 0 end)`.as('searches'),
            sql<number>`sum(case when kind = 'search' and result_count = 0 then 1 else 0 end)`.as('zero'),
            sql<number>`sum(case when kind = 'vote' and helpful = 1 then 1 else 0 end)`.as('helpful'),
            sql<number>`sum(case when kind = 'vote' and helpful = 0 then 1 else 0 end)`.as('unhelpful'),
          ]),
        filter,
      ).executeTakeFirst();
      return {
        views: Number(row?.views ?? 0),
        searches: Number(row?.searches ?? 0),
        zeroResultSearches: Number(row?.zero ?? 0),
        helpfulVotes: Number(row?.helpful ?? 0),
        unhelpfulVotes: Number(row?.unhelpful ?? 0),
      };
    },

    async contentGaps(filter, limit) {
      const rows = await inRange(
        db
          .selectFrom('help_events')
          .select(['query', sql<number>`count(*)`.as('count')])
          .where('kind', '=', 'search')
          .where('result_count', '=', 0)
          .where('query', 'is not', null),
        filter,
      )
        .groupBy('query')
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('query')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ query: row.query ?? '', count: Number(row.count) }));
    },

    async articleCounts(filter) {
      const rows = await inRange(
        db
          .selectFrom('help_events')
          .select([
            'article_id',
            sql<number>`sum(case when kind = 'shown' then 1 else 0 end)`.as('shown'),
            sql<number>`sum(case when kind = 'view' then 1 else 0 end)`.as('views'),
            sql<number>`sum(case when kind = 'vote' and helpful = 1 then 1 else 0 end)`.as('helpful'),
            sql<number>`sum(case when kind = 'vote' and helpful = 0 then 1 else 0 end)`.as('unhelpful'),
          ])
          .where('article_id', 'is not', null)
          .where('kind', 'in', ['shown', 'view', 'vote']),
        filter,
      )
        .groupBy('article_id')
        .execute();
      const ids = rows.map((row) => row.article_id ?? '');
      const articles = new Map<string, { siteId: string; title: string; locale: string; slug: string }>();
      for (const chunk of chunks(ids)) {
        const found = await db
          .selectFrom('help_articles')
          .select(['id', 'site_id', 'title', 'locale', 'slug'])
          .where('id', 'in', chunk)
          .execute();
        for (const a of found)
          articles.set(a.id, { siteId: a.site_id, title: a.title, locale: a.locale, slug: a.slug });
      }
      return rows.map((row) => ({
        articleId: row.article_id ?? '',
        article: articles.get(row.article_id ?? '') ?? null,
        shown: Number(row.shown),
        views: Number(row.views),
        helpfulVotes: Number(row.helpful),
        unhelpfulVotes: Number(row.unhelpful),
      }));
    },

    async exposures(filter) {
      const rows = await inRange(
        db
          .selectFrom('help_events')
          .select(['site_id', 'visitor_id', 'article_id', 'at'])
          .where('kind', 'in', EXPOSURE_KINDS)
          .where('visitor_id', 'is not', null),
        filter,
      )
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        siteId: row.site_id,
        visitorId: row.visitor_id ?? '',
        articleId: row.article_id,
        at: row.at,
      }));
    },

    async chatStarts(filter, until) {
      const exposed = inRange(
        db
          .selectFrom('help_events')
          .select('help_events.visitor_id')
          .where('help_events.kind', 'in', EXPOSURE_KINDS)
          .where('help_events.visitor_id', 'is not', null),
        filter,
      );
      let query = db
        .selectFrom('conversations as c')
        .select(['c.site_id', 'c.visitor_id', 'c.created_at'])
        .where('c.created_at', '>=', filter.from)
        .where('c.created_at', '<', until)
        .where('c.visitor_id', 'in', exposed);
      if (filter.siteId !== undefined) query = query.where('c.site_id', '=', filter.siteId);
      const rows = await query.orderBy('c.created_at').orderBy('c.id').execute();
      return rows.map((row) => ({ siteId: row.site_id, visitorId: row.visitor_id, at: row.created_at }));
    },
  };
}
