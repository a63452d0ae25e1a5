/**
 * @module Messages in SQL: appends go through group commit (message-writes.ts, group-commit.ts),
 * stored once per client id and numbered per conversation; reads in seq order.
 */
import type { Kysely } from 'kysely';
import type { AppendedMessage, MessageStore } from '../message-store.ts';
import type { Database } from './schema.ts';
import { toMessage } from './mappers.ts';
import { findMessageByClientId } from './message-rows.ts';
import { selectQuotedMessages, toQuotedMessage } from './message-quote-rows.ts';
import { GroupCommit } from './group-commit.ts';
import { createMessageWrites, type MessageWrite, type WriteResult } from './message-writes.ts';
import { appendWithAttachments, withAttachments } from './message-attachments.ts';

/** Writes per transaction at most: bounds how long one transaction holds its locks. */
const MAX_BATCH = 256;

export function createMessageStore(db: Kysely<Database>): MessageStore {
  const writes = createMessageWrites(db);
  const commits = new GroupCommit<MessageWrite, WriteResult>(writes.writeBatch, { maxBatch: MAX_BATCH });

  return {
    async findByClientId(conversationId, clientMessageId) {
      const message = await findMessageByClientId(db, conversationId, clientMessageId);
      return message && (await withAttachments(db, [message]))[0];
    },
    appendWithAttachments: (message, link) => appendWithAttachments(db, message, link),
    async append(message) {
      const written = await commits.submit({ to: 'conversation', message });
      if (!written) throw new Error(`conversation ${message.conversationId} was not written to`);
      return written;
    },
    appendToOpen: (visitorId, message): Promise<AppendedMessage | undefined> =>
      commits.submit({ to: 'open-of-visitor', visitorId, message }),
    async listAfter(conversationId, afterSeq, limit) {
      const rows = await selectQuotedMessages(db)
        .where('m.conversation_id', '=', conversationId)
        .where('m.seq', '>', afterSeq)
        .orderBy('m.seq')
        .limit(limit)
        .execute();
      return withAttachments(db, rows.map(toQuotedMessage));
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
      return row ? (await withAttachments(db, [toMessage(row)]))[0] : undefined;
    },
  };
}
