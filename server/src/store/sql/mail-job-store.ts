/**
 * @module Mail composed after the fact, in SQL: unseen-reply digests (one row per conversation with
 * the highest seq already emailed) and transcript requests whose chat has ended. Claims are
 * conditional updates, and every mail carries a dedupe key, so two processes never mail twice.
 */
import { sql, type Kysely } from 'kysely';
import type { MailJobStore } from '../mail-job-store.ts';
import type { TranscriptRequestRecord } from '../transcript-request-store.ts';
import type { Database } from './schema.ts';
import type { Engine } from '../store.ts';
import { insertMails } from './outbox-rows.ts';

export function createMailJobStore(db: Kysely<Database>, engine: Engine): MailJobStore {
  return {
    async scheduleUnseenReplies(conversationId, dueAt) {
      await db
        .insertInto('mail_unseen_replies')
        .values({ conversation_id: conversationId, emailed_seq: 0, due_at: dueAt })
        // Batched: a digest already waiting keeps its time, so a burst of replies is one mail.
        .onConflict((oc) =>
          oc
            .column('conversation_id')
            .doUpdateSet({ due_at: sql<string>`coalesce(mail_unseen_replies.due_at, excluded.due_at)` }),
        )
        .execute();
    },
    async claimDueUnseenReplies(now, leaseUntil, limit) {
      let due = db
        .selectFrom('mail_unseen_replies')
        .select('conversation_id')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit);
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('mail_unseen_replies')
        // The lease: a process that dies while composing leaves it to be claimed again later.
        .set({ due_at: leaseUntil })
        .where('conversation_id', 'in', due)
        .where('due_at', '<=', now)
        .returning(['conversation_id', 'emailed_seq'])
        .execute();
      return rows.map((r) => ({ conversationId: r.conversation_id, emailedSeq: Number(r.emailed_seq) }));
    },
    async completeUnseenReplies(conversationId, emailedSeq, mail) {
      await db.transaction().execute(async (trx) => {
        if (mail) await insertMails(trx, [mail]);
        await trx
          .updateTable('mail_unseen_replies')
          .set({
            emailed_seq: sql<number>`case when emailed_seq < ${emailedSeq} then ${emailedSeq} else emailed_seq end`,
            due_at: null,
          })
          .where('conversation_id', '=', conversationId)
          .execute();
      });
    },
    async listReadyTranscripts(limit) {
      const rows = await db
        .selectFrom('transcript_requests as r')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .selectAll('r')
        .where('r.sent_at', 'is', null)
        .where('c.status', 'in', ['closed', 'offline'])
        .orderBy('r.requested_at')
        .orderBy('r.id')
        .limit(limit)
        .execute();
      return rows.map((r): TranscriptRequestRecord => ({
        id: r.id,
        conversationId: r.conversation_id,
        email: r.email,
        requestedAt: r.requested_at,
        sentAt: r.sent_at,
      }));
    },
    async completeTranscript(requestId, mail, now) {
      await db.transaction().execute(async (trx) => {
        await insertMails(trx, [mail]);
        await trx
          .updateTable('transcript_requests')
          .set({ sent_at: now })
          .where('id', '=', requestId)
          .where('sent_at', 'is', null)
          .execute();
      });
    },
  };
}
