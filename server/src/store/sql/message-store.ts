/**
 * @module Messages in SQL: appends (stored once per client id, numbered in message-rows.ts) and
 * reads in seq order.
 */
import type { Kysely } from 'kysely';
import type { MessageStore, NewMessage } from '../types.ts';
import type { Database } from './schema.ts';
import { toMessage } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { findMessageByClientId, insertMessage } from './message-rows.ts';

export function createMessageStore(db: Kysely<Database>): MessageStore {
  const findByClientId = (conversationId: string, clientMessageId: string) => findMessageByClientId(db, conversationId, clientMessageId);

  const insert = (input: NewMessage) =>
    db.transaction().execute(async (trx) => {
      if (input.clientMessageId !== null) {
        const existing = await findMessageByClientId(trx, input.conversationId, input.clientMessageId);
        if (existing) return { message: existing, created: false };
      }
      return { message: await insertMessage(trx, input), created: true };
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
