/**
 * @module Migration 0009: a site's own maximum queue wait (null: the server's QUEUE_MAX_WAIT_SECONDS
 * applies) and the visitor's IANA time zone, so agents see the visitor's local time.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const offlineGapsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('queue_max_wait_seconds', 'integer').execute();
    await db.schema.alterTable('visitors').addColumn('time_zone', 'text').execute();
  },
};
