/**
 * @module Messages read with the message each one quotes (migration 0020): one LEFT JOIN, so a reply
 * always shows its quote as the original reads now: edited text, or nothing once it is deleted.
 */
import type { Kysely } from 'kysely';
import type { Message, MessageQuote } from '@parley/shared';
import { excerptOf } from '@parley/shared/client-core';
import type { Database, MessagesTable } from './schema.ts';
import { toMessage } from './mappers.ts';

/** The quoted message's columns beside the reply's; all null when it quotes nothing. */
interface QuoteColumns {
  quote_seq?: number | null;
  quote_author_kind?: string | null;
  quote_author_name?: string | null;
  quote_body?: string | null;
  quote_deleted_at?: string | null;
}

export type QuotedMessageRow = MessagesTable & QuoteColumns;

/** `from messages as m` with the quote joined; callers add their where and order by on `m`. */
export function selectQuotedMessages(db: Kysely<Database>) {
  return (
    db
      .selectFrom('messages as m')
      // only a message of the same conversation can be quoted: a foreign id joins nothing
      .leftJoin('messages as q', (join) =>
        join.onRef('q.id', '=', 'm.reply_to_id').onRef('q.conversation_id', '=', 'm.conversation_id'),
      )
      .selectAll('m')
      .select([
        'q.seq as quote_seq',
        'q.author_kind as quote_author_kind',
        'q.author_name as quote_author_name',
        'q.body as quote_body',
        'q.deleted_at as quote_deleted_at',
      ])
  );
}

export function toQuotedMessage(row: QuotedMessageRow): Message {
  const message = toMessage(row);
  if (!row.reply_to_id || row.quote_seq === null || row.quote_seq === undefined) return message;
  const deleted = Boolean(row.quote_deleted_at);
  return {
    ...message,
    replyTo: {
      id: row.reply_to_id,
      seq: Number(row.quote_seq),
      author: {
        kind: (row.quote_author_kind ?? 'system') as MessageQuote['author']['kind'],
        name: row.quote_author_name ?? null,
      },
      excerpt: deleted ? '' : excerptOf(row.quote_body ?? ''),
      deleted,
    },
  };
}
