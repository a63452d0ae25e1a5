/**
 * @module Messages in SQL. The seq comes from bumping the conversation's last_seq inside the same
 * transaction as the insert, so seqs are gap-free and ordered even with several writers.
 */
import type { Kysely } from 'kysely';
import type { MessageStore, NewMessage } from '../types.ts';
import type { Database } from './schema.ts';
import { toMessage } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';

export function createMessageStore(db: Kysely<Database>): MessageStore {
  const findByClientId = async (conversationId: string, clientMessageId: string) => {
    const row = await db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_message_id', '=', clientMessageId)
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  };

  const insert = (input: NewMessage) =>
    db.transaction().execute(async (trx) => {
      if (input.clientMessageId !== null) {
        const existing = await trx
          .selectFrom('messages')
          .selectAll()
          .where('conversation_id', '=', input.conversationId)
          .where('client_message_id', '=', input.clientMessageId)
          .executeTakeFirst();
        if (existing) return { message: toMessage(existing), created: false };
      }
      const bumped = await trx
        .updateTable('conversations')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', input.conversationId)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const row = {
        id: input.id,
        conversation_id: input.conversationId,
        seq: Number(bumped.last_seq),
        client_message_id: input.clientMessageId,
        author_kind: input.author.kind,
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
        created_at: input.now,
      };
      await trx.insertInto('messages').values(row).execute();
      return { message: toMessage(row), created: true };
    });

  return {
    findByClientId,
    async append(input) {
      try {
        return await insert(input);
      } catch (error) {
        // Two writers raced with the same client id: the loser returns what the winner stored.
        if (input.clientMessageId !== null && isUniqueViolation(error)) {
          const existing = await findByClientId(input.conversationId, input.clientMessageId);
          if (existing) return { message: existing, created: false };
        }
        throw error;
      }
    },
    async listAfter(conversationId, afterSeq, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },
    async findByVisitorClientId(visitorId, clientMessageId) {
      const row = await db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .selectAll('m')
        .where('c.visitor_id', '=', visitorId)
        .where('m.client_message_id', '=', clientMessageId)
        .where('m.author_kind', '=', 'visitor')
        .executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
  };
}
