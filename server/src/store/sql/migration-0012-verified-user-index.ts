/**
 * @module Migration 0012: finds a site's visitors by their verified host-app user id, which a
 * returning user's new browser looks up on identify to continue as the visitor they already are.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const verifiedUserIndexMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('visitors_site_external_user')
      .on('visitors')
      .columns(['site_id', 'external_user_id'])
      .execute();
  },
};
