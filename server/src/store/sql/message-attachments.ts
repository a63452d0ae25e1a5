/**
 * @module Messages with files in SQL: filling in each message's attachments (one query per batch of
 * messages, never one per message) and writing a message together with the link to its uploads.
 *
 * The write is its own transaction, beside group commit (message-writes.ts), which stays the path of
 * text: the seq bump, the insert and one conditional UPDATE of the attachments commit together or not
 * at all. The UPDATE names the conversation, the sender and `message_id IS NULL`, so an attachment of
 * another conversation or sender, or one another message already carries, makes it touch fewer rows
 * than asked, and the whole write rolls back. A retry by client id answers the stored message.
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationSummary, Message } from '@parley/shared';
import { AttachmentsNotLinkable, ConversationNotOpen, type AttachmentLink } from '../attachment-store.ts';
import type { AppendedMessage, NewMessage } from '../message-store.ts';
import type { Database } from './schema.ts';
import { toConversation, toMessage } from './mappers.ts';
import { contentColumn } from './rich-content-column.ts';
import { findMessageByClientId } from './message-rows.ts';
import { names } from './message-writes.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { attachmentsOfMessages } from './attachment-store.ts';

/** The same messages with their attachments, in upload order: one query for the whole list. */
export async function withAttachments<M extends Message>(db: Kysely<Database>, messages: M[]): Promise<M[]> {
  if (messages.length === 0) return messages;
  const byMessage = await attachmentsOfMessages(
    db,
    messages.map((m) => m.id),
  );
  if (byMessage.size === 0) return messages;
  return messages.map((m) => ({ ...m, attachments: byMessage.get(m.id) ?? [] }));
}

/** Conversation summaries with their last messages' attachments, in one query. */
export async function withAttachmentsOfLast(
  db: Kysely<Database>,
  summaries: ConversationSummary[],
): Promise<ConversationSummary[]> {
  const last = summaries.flatMap((s) => (s.lastMessage ? [s.lastMessage] : []));
  const filled = new Map((await withAttachments(db, last)).map((m) => [m.id, m]));
  return summaries.map((s) =>
    s.lastMessage ? { ...s, lastMessage: filled.get(s.lastMessage.id) ?? s.lastMessage } : s,
  );
}

const one = async (db: Kysely<Database>, message: Message): Promise<Message> =>
  (await withAttachments(db, [message]))[0] ?? message;

async function conversationOf(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .select(names)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toConversation(row);
}

/** Stores `message` carrying the uploads `link` names, or the message already stored under its client id. */
export async function appendWithAttachments(
  db: Kysely<Database>,
  message: NewMessage,
  link: AttachmentLink,
): Promise<AppendedMessage> {
  const earlierOf = async (q: Kysely<Database>): Promise<AppendedMessage | undefined> => {
    if (message.clientMessageId === null) return undefined;
    const earlier = await findMessageByClientId(q, message.conversationId, message.clientMessageId);
    if (!earlier) return undefined;
    return {
      message: await one(q, earlier),
      created: false,
      conversation: await conversationOf(q, earlier.conversationId),
    };
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const earlier = await earlierOf(trx);
      if (earlier) return earlier;
      const bumped = await trx
        .updateTable('conversations')
        .set((eb) => ({
          last_seq: eb('last_seq', '+', 1),
          ...(message.author.kind === 'agent'
            ? { first_agent_reply_at: sql<string>`coalesce(first_agent_reply_at, ${message.now})` }
            : {}),
        }))
        .where('id', '=', message.conversationId)
        .where('status', 'in', ['queued', 'active', 'bot'])
        .returningAll()
        .returning(names)
        .executeTakeFirst();
      if (!bumped) throw new ConversationNotOpen(`conversation ${message.conversationId} is not open`);
      const conversation = toConversation(bumped);
      const row = {
        id: message.id,
        conversation_id: message.conversationId,
        seq: conversation.lastSeq,
        client_message_id: message.clientMessageId,
        author_kind: message.author.kind,
        author_id: message.author.id,
        author_name: message.author.name,
        body: message.body,
        created_at: message.now,
        content: contentColumn(message.content),
        answer_to: null,
        reply_to_id: message.replyToId ?? null,
      };
      await trx.insertInto('messages').values(row).execute();
      const linked = await trx
        .updateTable('attachments')
        .set({ message_id: message.id })
        .where('id', 'in', [...link.ids])
        .where('conversation_id', '=', message.conversationId)
        .where('uploader_kind', '=', link.uploader.kind)
        .where('uploader_id', '=', link.uploader.id)
        .where('message_id', 'is', null)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== link.ids.length)
        throw new AttachmentsNotLinkable(
          `${link.ids.length - Number(linked.numUpdatedRows)} attachment(s) not linkable`,
        );
      return { message: await one(trx, toMessage(row)), created: true, conversation };
    });
  } catch (error) {
    // the same client id written at the same moment by another process: that one won, answer with it
    if (!isUniqueViolation(error)) throw error;
    const earlier = await earlierOf(db);
    if (!earlier) throw error;
    return earlier;
  }
}
