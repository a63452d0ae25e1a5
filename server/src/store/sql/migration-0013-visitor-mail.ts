/**
 * @module Migration 0013: mail to visitor-given addresses, bounded. A conversation has one transcript
 * request (its address may change until the transcript is sent): duplicates are dropped (a sent
 * one is kept, else the latest) and a unique index keeps it so across processes. Two indexes let
 * the limits (visitor-mail-limits.ts) count the last hour's confirmations and transcript requests.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const visitorMailMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      delete from transcript_requests where id not in (
        select id from (
          select id, row_number() over (
            partition by conversation_id order by (sent_at is null), requested_at desc, id desc
          ) as n
          from transcript_requests
        ) ranked where n = 1
      )`.execute(db);
    await db.schema
      .createIndex('transcript_requests_one_per_conversation')
      .on('transcript_requests')
      .column('conversation_id')
      .unique()
      .execute();
    await db.schema
      .createIndex('transcript_requests_requested')
      .on('transcript_requests')
      .column('requested_at')
      .execute();
    await db.schema.createIndex('mail_outbox_kind_created').on('mail_outbox').columns(['kind', 'created_at']).execute();
  },
};
