/**
 * @module Paging through a site's visitors and conversations in SQL (keyset on the id: each page is
 * one indexed range read, however far into the site it is).
 */
import type { Kysely } from 'kysely';
import type { SiteExportStore } from '../site-export-store.ts';
import type { Database } from './schema.ts';

export function createSiteExportStore(db: Kysely<Database>): SiteExportStore {
  return {
    async visitorIds(siteId, afterId, limit) {
      const rows = await db
        .selectFrom('visitors')
        .select('id')
        .where('site_id', '=', siteId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async conversationIds(siteId, afterId, limit) {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('site_id', '=', siteId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
