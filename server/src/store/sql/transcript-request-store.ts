/**
 * @module Transcript requests in SQL: stored when the visitor asks, sent later by the mailer.
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
    async create({ id, conversationId, email, now }) {
      const row: TranscriptRequestsTable = {
        id,
        conversation_id: conversationId,
        email,
        requested_at: now,
        sent_at: null,
      };
      await db.insertInto('transcript_requests').values(row).execute();
      return toRecord(row);
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
