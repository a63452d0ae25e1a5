/**
 * @module Visitors in SQL: a row appears with a visitor's first conversation, not with every page view.
 */
import type { Kysely } from 'kysely';
import type { VisitorStore } from '../types.ts';
import type { Database } from './schema.ts';

export function createVisitorStore(db: Kysely<Database>): VisitorStore {
  return {
    async ensure(id, siteId, now) {
      await db
        .insertInto('visitors')
        .values({ id, site_id: siteId, name: null, email: null, created_at: now, last_seen_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: now }))
        .execute();
    },
  };
}
