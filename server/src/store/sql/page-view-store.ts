/**
 * @module Page views in SQL: the latest N per visitor, for the console's visitor panel.
 */
import type { Kysely } from 'kysely';
import type { PageViewStore } from '../page-view-store.ts';
import type { Database } from './schema.ts';

export function createPageViewStore(db: Kysely<Database>): PageViewStore {
  return {
    async record(visitorId, view, keep) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('page_views')
          .values({ visitor_id: visitorId, url: view.url, title: view.title, referrer: view.referrer, at: view.at })
          .execute();
        // The id of the oldest view still kept; everything older of this visitor goes.
        const boundary = await trx
          .selectFrom('page_views')
          .select('id')
          .where('visitor_id', '=', visitorId)
          .orderBy('id', 'desc')
          .offset(keep - 1)
          .limit(1)
          .executeTakeFirst();
        if (boundary) {
          await trx
            .deleteFrom('page_views')
            .where('visitor_id', '=', visitorId)
            .where('id', '<', boundary.id)
            .execute();
        }
      });
    },
    async listRecent(visitorId, limit) {
      const rows = await db
        .selectFrom('page_views')
        .select(['url', 'title', 'referrer', 'at'])
        .where('visitor_id', '=', visitorId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows;
    },
  };
}
