/**
 * @module The mail outbox in SQL. Claiming is one conditional UPDATE … RETURNING, so each due entry
 * goes to exactly one sender even with several processes on one PostgreSQL database (where the
 * candidate rows are also locked with FOR UPDATE SKIP LOCKED, so claimers do not queue behind each
 * other); on SQLite the single statement is atomic by itself.
 */
import type { Kysely } from 'kysely';
import type { OutboxStatus, OutboxStore } from '../outbox-store.ts';
import type { Database } from './schema.ts';
import type { Engine } from '../store.ts';
import { insertMails, toOutboxRecord } from './outbox-rows.ts';

/** Entries a sender may take: waiting for their time, or claimed by a sender whose lease ran out. */
const CLAIMABLE: OutboxStatus[] = ['pending', 'sending'];

export function createOutboxStore(db: Kysely<Database>, engine: Engine): OutboxStore {
  return {
    enqueue: (mails) => insertMails(db, mails),
    async claimDue({ now, leaseUntil, limit, claimToken }) {
      let due = db
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', 'in', CLAIMABLE)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('mail_outbox')
        // While claimed, next_attempt_at is the lease: past it, another sender may take the entry over.
        .set((eb) => ({
          status: 'sending',
          claim_token: claimToken,
          attempts: eb('attempts', '+', 1),
          next_attempt_at: leaseUntil,
        }))
        .where('id', 'in', due)
        // Checked again on the row itself: a concurrent claimer that committed first makes this one skip it.
        .where('status', 'in', CLAIMABLE)
        .where('next_attempt_at', '<=', now)
        .returningAll()
        .execute();
      return rows
        .map(toOutboxRecord)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async markSent(id, claimToken, now) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: now, claim_token: null, last_error: null })
        .where('id', '=', id)
        .where('claim_token', '=', claimToken)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markFailed(id, claimToken, error, retryAt) {
      const result = await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: retryAt === null ? 'failed' : 'pending',
          next_attempt_at: retryAt ?? eb.ref('next_attempt_at'),
          claim_token: null,
          last_error: error.slice(0, 1000),
        }))
        .where('id', '=', id)
        .where('claim_token', '=', claimToken)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async findById(id) {
      const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOutboxRecord(row) : undefined;
    },
    async list({ conversationId }) {
      let query = db.selectFrom('mail_outbox').selectAll().orderBy('created_at').orderBy('id');
      if (conversationId !== undefined) query = query.where('conversation_id', '=', conversationId);
      return (await query.execute()).map(toOutboxRecord);
    },
    async counts() {
      const rows = await db
        .selectFrom('mail_outbox')
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
        .groupBy('status')
        .execute();
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of rows) counts[row.status as OutboxStatus] = Number(row.n);
      return counts;
    },
  };
}
