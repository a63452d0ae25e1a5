/**
 * @module Migration 0023: the files an outbox mail carries (an agent's ticket reply), as a JSON list
 * of attachment ids, streamed from the file storage when the mail is sent. Null: none.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const mailAttachmentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('mail_outbox').addColumn('attachment_ids', 'text').execute();
  },
};
