/**
 * @module Message edits and deletes in SQL (migration 0020). The change number comes from bumping
 * conversations.change_seq in the same transaction as the update, like a message's seq: numbers are
 * gap-free and ordered with several writers, so "changes after n" misses nothing.
 */
import type { Kysely } from 'kysely';
import type { AuthorKind } from '@parley/shared';
import type { MessageChangeStore } from '../message-change-store.ts';
import type { Database } from './schema.ts';
import { selectQuotedMessages, toQuotedMessage } from './message-quote-rows.ts';

export function createMessageChangeStore(db: Kysely<Database>): MessageChangeStore {
  const findById = async (q: Kysely<Database>, messageId: string) => {
    const row = await selectQuotedMessages(q).where('m.id', '=', messageId).executeTakeFirst();
    return row ? toQuotedMessage(row) : undefined;
  };

  return {
    findById: (messageId) => findById(db, messageId),

    apply: (change) =>
      db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('messages')
          .select(['conversation_id', 'body'])
          .where('id', '=', change.messageId)
          .executeTakeFirstOrThrow();
        if (change.clientChangeId !== null) {
          const earlier = await trx
            .selectFrom('message_revisions')
            .select('id')
            .where('message_id', '=', change.messageId)
            .where('client_change_id', '=', change.clientChangeId)
            .executeTakeFirst();
          const message = earlier && (await findById(trx, change.messageId));
          if (message) return { message, changed: false };
        }
        const bumped = await trx
          .updateTable('conversations')
          .set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
          .where('id', '=', current.conversation_id)
          .returning('change_seq')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('message_revisions')
          .values({
            id: change.revisionId,
            message_id: change.messageId,
            conversation_id: current.conversation_id,
            action: change.action,
            previous_body: current.body,
            actor_kind: change.actor.kind,
            actor_id: change.actor.id,
            actor_name: change.actor.name,
            client_change_id: change.clientChangeId,
            created_at: change.now,
          })
          .execute();
        await trx
          .updateTable('messages')
          .set(
            change.action === 'edit'
              ? { body: change.body, edited_at: change.now, change_seq: Number(bumped.change_seq) }
              : // the text leaves the message row: no read path can hand it out again
                { body: '', deleted_at: change.now, change_seq: Number(bumped.change_seq) },
          )
          .where('id', '=', change.messageId)
          .execute();
        const message = await findById(trx, change.messageId);
        if (!message) throw new Error(`message ${change.messageId} vanished during its change`);
        return { message, changed: true };
      }),

    async listChangedSince(conversationId, afterChangeSeq, upToSeq, limit) {
      const rows = await selectQuotedMessages(db)
        .where('m.conversation_id', '=', conversationId)
        .where('m.change_seq', '>', afterChangeSeq)
        .where('m.seq', '<=', upToSeq)
        .orderBy('m.change_seq')
        .limit(limit)
        .execute();
      return rows.map(toQuotedMessage);
    },

    async revisions(messageId) {
      const rows = await db
        .selectFrom('message_revisions')
        .selectAll()
        .where('message_id', '=', messageId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        action: row.action === 'delete' ? 'delete' : 'edit',
        previousBody: row.previous_body,
        actor: { kind: row.actor_kind as AuthorKind, id: row.actor_id, name: row.actor_name },
        at: row.created_at,
      }));
    },
  };
}
