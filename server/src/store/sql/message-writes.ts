/**
 * @module The chat message write, for group commit (group-commit.ts): per message one UPDATE that
 * bumps the conversation's seq and returns the conversation as it now stands (so nobody reads it
 * back), and one INSERT that does nothing when the client id is already stored. The conversation
 * is found by id, or as the visitor's open one in the same UPDATE (no lookup first). Queries are
 * precompiled: this is the hottest path of the server.
 */
import { sql, type Kysely } from 'kysely';
import type { AppendedMessage, NewMessage } from '../types.ts';
import type { Database } from './schema.ts';
import { toConversation, toMessage, type ConversationRow } from './mappers.ts';
import { precompile } from './precompiled.ts';
import type { Outcome } from './group-commit.ts';

/** Where a message goes: a known conversation, or whichever one the visitor has open (queued or active). */
export type MessageWrite =
  | { to: 'conversation'; message: NewMessage }
  | { to: 'open-of-visitor'; visitorId: string; message: Omit<NewMessage, 'conversationId'> };

/** undefined: the visitor has no open conversation (nothing was written). */
export type WriteResult = AppendedMessage | undefined;

interface BumpValues extends Record<string, unknown> {
  key: string;
  now: string;
}

type MessageRow = Database['messages'] & Record<string, unknown>;

export function createMessageWrites(db: Kysely<Database>) {
  // the conversation as toConversation reads it: the row plus its agent's name and visitor's profile
  const bump = (by: 'id' | 'visitor', agentReply: boolean) =>
    precompile<BumpValues, ConversationRow>(db, (v) => {
      let query = db
        .updateTable('conversations')
        .set((eb) => ({
          last_seq: eb('last_seq', '+', 1),
          // the first agent reply is a report fact
          ...(agentReply ? { first_agent_reply_at: sql<string>`coalesce(first_agent_reply_at, ${v.now})` } : {}),
        }));
      query = by === 'id' ? query.where('id', '=', v.key) : query.where('visitor_id', '=', v.key).where('status', 'in', ['queued', 'active']);
      return query.returningAll().returning((eb) => [
        eb.selectFrom('agents').select('agents.name').whereRef('agents.id', '=', 'conversations.agent_id').as('agent_name'),
        eb.selectFrom('visitors').select('visitors.name').whereRef('visitors.id', '=', 'conversations.visitor_id').as('visitor_name'),
        eb.selectFrom('visitors').select('visitors.email').whereRef('visitors.id', '=', 'conversations.visitor_id').as('visitor_email'),
        eb.selectFrom('visitors').select('visitors.verified').whereRef('visitors.id', '=', 'conversations.visitor_id').as('visitor_verified'),
      ]);
    });
  const bumps = {
    id: { visitor: bump('id', false), agent: bump('id', true) },
    visitor: { visitor: bump('visitor', false), agent: bump('visitor', true) },
  };
  const unbump = precompile<{ id: string }, never>(db, (v) =>
    db.updateTable('conversations').set((eb) => ({ last_seq: eb('last_seq', '-', 1) })).where('id', '=', v.id),
  );
  const insert = precompile<MessageRow, never>(db, (v) =>
    db
      .insertInto('messages')
      .values({
        id: v.id,
        conversation_id: v.conversation_id,
        seq: v.seq,
        client_message_id: v.client_message_id,
        author_kind: v.author_kind,
        author_id: v.author_id,
        author_name: v.author_name,
        body: v.body,
        created_at: v.created_at,
      })
      // only the (conversation, client id) constraint can conflict: ids are random
      .onConflict((oc) => oc.doNothing()),
  );
  const byClientId = precompile<{ conversationId: string; clientMessageId: string }, MessageRow>(db, (v) =>
    db.selectFrom('messages').selectAll().where('conversation_id', '=', v.conversationId).where('client_message_id', '=', v.clientMessageId),
  );

  const writeOne = async (trx: Kysely<Database>, write: MessageWrite): Promise<WriteResult> => {
    const { message } = write;
    const agentReply = message.author.kind === 'agent' ? 'agent' : 'visitor';
    const key = write.to === 'conversation' ? write.message.conversationId : write.visitorId;
    const bumped = (await (write.to === 'conversation' ? bumps.id : bumps.visitor)[agentReply](trx, { key, now: message.now })).rows[0];
    if (!bumped) {
      if (write.to === 'open-of-visitor') return undefined;
      throw new MissingConversation(`conversation ${key} does not exist`);
    }
    const conversation = toConversation(bumped);
    const row: MessageRow = {
      id: message.id,
      conversation_id: conversation.id,
      seq: conversation.lastSeq,
      client_message_id: message.clientMessageId,
      author_kind: message.author.kind,
      author_id: message.author.id,
      author_name: message.author.name,
      body: message.body,
      created_at: message.now,
    };
    const inserted = await insert(trx, row);
    if (Number(inserted.numAffectedRows ?? 0) === 1) return { message: toMessage(row), created: true, conversation };
    // Already stored under this client id (a retry): no new seq after all. Nobody else saw the bump:
    // the row stays locked (PostgreSQL) or the database written (SQLite) until this transaction ends.
    await unbump(trx, { id: conversation.id });
    const earlier = message.clientMessageId === null ? undefined : (await byClientId(trx, { conversationId: conversation.id, clientMessageId: message.clientMessageId })).rows[0];
    if (!earlier) throw new Error(`message ${message.id} was neither stored nor found under its client id`);
    return { message: toMessage(earlier), created: false, conversation: { ...conversation, lastSeq: conversation.lastSeq - 1 } };
  };

  /** Every write in one transaction, in order; a write that finds nothing to write to fails alone. */
  const writeBatch = (writes: readonly MessageWrite[]): Promise<Array<Outcome<WriteResult>>> =>
    db.transaction().execute(async (trx) => {
      const outcomes: Array<Outcome<WriteResult>> = [];
      for (const write of writes) {
        try {
          outcomes.push({ ok: true, value: await writeOne(trx, write) });
        } catch (error) {
          // a failed statement aborts the whole transaction (PostgreSQL): let the batch be retried write by write
          if (!(error instanceof MissingConversation)) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });

  return { writeBatch };
}

/** A write to a conversation id that does not exist: fails that write alone, the transaction goes on. */
class MissingConversation extends Error {}
