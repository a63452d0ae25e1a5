/**
 * @module Rich messages in SQL. An answer is written alone in its transaction (answers are rare, not
 * the chat's hot path), and the unique index on answer_to (migration 0019) makes a second answer to
 * the same offer fail whichever server writes it.
 */
import type { Kysely } from 'kysely';
import type { RichMessageStore } from '../rich-message-store.ts';
import type { Database } from './schema.ts';
import { toMessage } from './mappers.ts';
import { insertMessage } from './message-rows.ts';
import { isUniqueViolation } from './unique-violation.ts';

export function createRichMessageStore(db: Kysely<Database>): RichMessageStore {
  return {
    async findMessage(messageId) {
      const row = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async findAnswer(messageId) {
      const row = await db.selectFrom('messages').selectAll().where('answer_to', '=', messageId).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async appendAnswer(message, answerTo) {
      try {
        return await db.transaction().execute((trx) => insertMessage(trx, message, answerTo));
      } catch (error) {
        // the client id or the offer is taken: the caller looks up which
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
  };
}
