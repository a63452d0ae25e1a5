/**
 * @module Message rows: the one insert every message takes and the lookup by client id, usable
 * inside any transaction. The seq comes from bumping the conversation's last_seq in the same
 * transaction as the insert, so seqs are gap-free and ordered even with several writers.
 */
import { sql, type Kysely } from 'kysely';
import type { Message } from '@parley/shared';
import type { NewMessage } from '../message-store.ts';
import type { Database } from './schema.ts';
import { toMessage } from './mappers.ts';
import { contentColumn } from './rich-content-column.ts';
import { selectQuotedMessages, toQuotedMessage } from './message-quote-rows.ts';

/** `answerTo`: the offer a visitor's answer answers (unique: a second answer fails with a unique violation). */
export async function insertMessage(
  trx: Kysely<Database>,
  input: NewMessage,
  answerTo: string | null = null,
): Promise<Message> {
  const bumped = await trx
    .updateTable('conversations')
    .set((eb) => ({
      last_seq: eb('last_seq', '+', 1),
      // the first agent reply is a report fact; chat and ticket replies both pass here
      ...(input.author.kind === 'agent'
        ? { first_agent_reply_at: sql<string>`coalesce(first_agent_reply_at, ${input.now})` }
        : {}),
    }))
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
    content: contentColumn(input.content),
    answer_to: answerTo,
    reply_to_id: input.replyToId ?? null,
  };
  await trx.insertInto('messages').values(row).execute();
  return toMessage(row);
}

export async function findMessageByClientId(
  q: Kysely<Database>,
  conversationId: string,
  clientMessageId: string,
): Promise<Message | undefined> {
  const row = await selectQuotedMessages(q)
    .where('m.conversation_id', '=', conversationId)
    .where('m.client_message_id', '=', clientMessageId)
    .executeTakeFirst();
  return row ? toQuotedMessage(row) : undefined;
}
