/**
 * @module The help center's measured events in SQL: one row per article view, search (with its query
 * and how many it found) and helpfulness vote; a view also counts on the article, which orders the
 * popular ones without a scan of the events.
 */
import { sql } from 'kysely';
import type { HelpCenterStore } from '../../help-center-store.ts';
import type { HelpDb } from './help-tables.ts';

type EventMethods = Pick<HelpCenterStore, 'recordEvent' | 'eventCounts' | 'contentGaps'>;

export function helpEvents(db: HelpDb): EventMethods {
  return {
    async recordEvent(event) {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('help_events')
          .values({
            id: event.id,
            site_id: event.siteId,
            kind: event.kind,
            source: event.source,
            locale: event.locale,
            article_id: event.articleId,
            query: event.query,
            result_count: event.resultCount,
            helpful: event.helpful === null ? null : event.helpful ? 1 : 0,
            visitor_id: event.visitorId ?? null,
            at: event.at,
          })
          .execute();
        if (event.kind === 'view' && event.articleId !== null) {
          await tx
            .updateTable('help_articles')
            .set({ view_count: sql`view_count + 1` })
            .where('id', '=', event.articleId)
            .execute();
        }
      });
    },
    async eventCounts(siteId, from, to) {
      const row = await db
        .selectFrom('help_events')
        .select([
          sql<number>`sum(case when kind = 'view' then 1 else 0 end)`.as('views'),
          sql<number>`sum(case when kind = 'search' then 1 else 0 end)`.as('searches'),
          sql<number>`sum(case when kind = 'search' and result_count = 0 then 1 else 0 end)`.as('zero'),
          sql<number>`sum(case when kind = 'vote' and helpful = 1 then 1 else 0 end)`.as('helpful'),
          sql<number>`sum(case when kind = 'vote' and helpful = 0 then 1 else 0 end)`.as('unhelpful'),
        ])
        .where('site_id', '=', siteId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .executeTakeFirst();
      return {
        views: Number(row?.views ?? 0),
        searches: Number(row?.searches ?? 0),
        zeroResultSearches: Number(row?.zero ?? 0),
        helpfulVotes: Number(row?.helpful ?? 0),
        unhelpfulVotes: Number(row?.unhelpful ?? 0),
      };
    },
    async contentGaps(siteId, from, to, limit) {
      const rows = await db
        .selectFrom('help_events')
        .select(['query', sql<number>`count(*)`.as('count')])
        .where('site_id', '=', siteId)
        .where('kind', '=', 'search')
        .where('result_count', '=', 0)
        .where('query', 'is not', null)
        .where('at', '>=', from)
        .where('at', '<', to)
        .groupBy('query')
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('query')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ query: row.query ?? '', count: Number(row.count) }));
    },
  };
}
