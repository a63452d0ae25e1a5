/**
 * @module Transcript requests in SQL: stored when the visitor asks, sent later by the mailer; one per
 * conversation.
 */
import type { Kysely } from 'kysely';
import type { TranscriptRequestRecord, TranscriptRequestStore } from '../transcript-request-store.ts';
import type { Database, TranscriptRequestsTable } from './schema.ts';

const toRecord = (row: TranscriptRequestsTable): TranscriptRequestRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  email: row.email,
  requestedAt: row.requested_at,
  sentAt: row.sent_at,
});

export function createTranscriptRequestStore(db: Kysely<Database>): TranscriptRequestStore {
  return {
    async request({ id, conversationId, email, now }) {
      const row: TranscriptRequestsTable = {
        id,
        conversation_id: conversationId,
        email,
        requested_at: now,
        sent_at: null,
      };
      // one per conversation (a unique index): asking again points the pending one elsewhere
      const stored = await db
        .insertInto('transcript_requests')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('conversation_id')
            .doUpdateSet({ email, requested_at: now })
            .where('transcript_requests.sent_at', 'is', null),
        )
        .returningAll()
        .executeTakeFirst();
      return stored ? toRecord(stored) : undefined;
    },
    async findByConversation(conversationId) {
      const row = await db
        .selectFrom('transcript_requests')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async listPending(limit) {
      const rows = await db
        .selectFrom('transcript_requests')
        .selectAll()
        .where('sent_at', 'is', null)
        .orderBy('requested_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}
