/**
 * @module The chat message write, a batch at a time (group-commit.ts). A batch costs a few
 * statements, not a few per message, which matters most on PostgreSQL where each is a round trip:
 * one UPDATE bumps the seq of every visitor's open conversation (found by the write itself, no
 * lookup first) and returns each conversation as it now stands (so nobody reads it back); messages
 * to known conversations bump theirs the same way (by the number of messages when several go to one);
 * one multi-row INSERT stores every message. Statement texts come in a few fixed sizes and are
 * precompiled: this is the hottest path of the server.
 *
 * Exactly once: a client id already stored makes the INSERT skip that row. In a batch of several
 * that throws and the whole transaction rolls back, and group commit writes each message alone,
 * where the duplicate undoes its own bump inside its transaction and answers the stored message.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Conversation } from '@parley/shared';
import type { AppendedMessage, NewMessage } from '../message-store.ts';
import type { Database } from './schema.ts';
import { toConversation, toMessage, type ConversationRow } from './mappers.ts';
import { precompile, type PrecompiledQuery } from './precompiled.ts';
import type { Outcome } from './group-commit.ts';
import { contentColumn } from './rich-content-column.ts';

/** Where a message goes: a known conversation, or whichever one the visitor has open (queued or active). */
export type MessageWrite =
  | { to: 'conversation'; message: NewMessage }
  | { to: 'open-of-visitor'; visitorId: string; message: Omit<NewMessage, 'conversationId'> };

/** undefined: the visitor has no open conversation (nothing was written). */
export type WriteResult = AppendedMessage | undefined;

type MessageRow = Database['messages'];
type Values = Record<string, unknown>;

/** Statement sizes: a batch of n is cut into at most log2(n) + 1 of these, and there are few texts to cache. */
const SIZES = [64, 32, 16, 8, 4, 2, 1] as const;
const LARGEST = SIZES[0];

function* cut<T>(items: readonly T[]): Generator<T[]> {
  let start = 0;
  for (const size of SIZES) {
    while (items.length - start >= size) {
      yield items.slice(start, start + size);
      start += size;
    }
  }
}

/** Keys for `in (…)` in pieces of a listed size, the last one padded with its own last key (a repeat matches nothing more). */
function* padded(keys: readonly string[]): Generator<string[]> {
  for (let start = 0; start < keys.length; start += LARGEST) {
    const piece = keys.slice(start, start + LARGEST);
    const size = [...SIZES].reverse().find((s) => s >= piece.length) ?? LARGEST;
    const last = piece[piece.length - 1] ?? '';
    while (piece.length < size) piece.push(last);
    yield piece;
  }
}

/** A write to a conversation id that does not exist: fails that write alone, the transaction goes on. */
class MissingConversation extends Error {}

/** The batch cannot be written as one (a duplicate client id, a visitor twice): group commit writes each alone. */
class WriteEachAlone extends Error {}

/** Returned beside the conversation's columns: what toConversation needs, without reading it back. */
export const names = (eb: ExpressionBuilder<Database, 'conversations'>) => [
  eb.selectFrom('agents').select('agents.name').whereRef('agents.id', '=', 'conversations.agent_id').as('agent_name'),
  eb
    .selectFrom('visitors')
    .select('visitors.name')
    .whereRef('visitors.id', '=', 'conversations.visitor_id')
    .as('visitor_name'),
  eb
    .selectFrom('visitors')
    .select('visitors.email')
    .whereRef('visitors.id', '=', 'conversations.visitor_id')
    .as('visitor_email'),
  eb
    .selectFrom('visitors')
    .select('visitors.verified')
    .whereRef('visitors.id', '=', 'conversations.visitor_id')
    .as('visitor_verified'),
];

export function createMessageWrites(db: Kysely<Database>) {
  const sized = <R>(build: (size: number) => PrecompiledQuery<Values, R>) => {
    const bySize = new Map<number, PrecompiledQuery<Values, R>>();
    return (size: number) => {
      let query = bySize.get(size);
      if (!query) bySize.set(size, (query = build(size)));
      return query;
    };
  };
  const keys = (v: Values, size: number) => Array.from({ length: size }, (_, i) => v[`k${i}`] as string);

  const bumpSet = (by: 'id' | 'visitor') =>
    sized((size) =>
      precompile<Values, ConversationRow>(db, (v) => {
        const query = db.updateTable('conversations').set((eb) => ({ last_seq: eb('last_seq', '+', 1) }));
        const where =
          by === 'id'
            ? query.where('id', 'in', keys(v, size))
            : query.where('visitor_id', 'in', keys(v, size)).where('status', 'in', ['queued', 'active', 'bot']);
        return where.returningAll().returning(names);
      }),
    );
  const bumpOpenOfVisitors = bumpSet('visitor');
  const bumpIds = bumpSet('id');
  /** Several messages to one conversation, or an agent's reply (its time is a report fact). */
  const bumpBy = (agentReply: boolean) =>
    precompile<Values, ConversationRow>(db, (v) =>
      db
        .updateTable('conversations')
        .set((eb) => ({
          last_seq: eb('last_seq', '+', v.count as number),
          ...(agentReply ? { first_agent_reply_at: sql<string>`coalesce(first_agent_reply_at, ${v.now})` } : {}),
        }))
        .where('id', '=', v.id as string)
        .returningAll()
        .returning(names),
    );
  const bumpByCount = { agent: bumpBy(true), other: bumpBy(false) };
  const COLUMNS = [
    'id',
    'conversation_id',
    'seq',
    'client_message_id',
    'author_kind',
    'author_id',
    'author_name',
    'body',
    'created_at',
    'content',
    'reply_to_id',
  ] as const;
  const insert = sized((size) =>
    precompile<Values, { id: string }>(db, (v) =>
      db
        .insertInto('messages')
        .values(
          Array.from({ length: size }, (_, i) => ({
            id: v[`id${i}`] as string,
            conversation_id: v[`conversation_id${i}`] as string,
            seq: v[`seq${i}`] as number,
            client_message_id: v[`client_message_id${i}`] as string | null,
            author_kind: v[`author_kind${i}`] as string,
            author_id: v[`author_id${i}`] as string | null,
            author_name: v[`author_name${i}`] as string | null,
            body: v[`body${i}`] as string,
            created_at: v[`created_at${i}`] as string,
            content: v[`content${i}`] as string | null,
            reply_to_id: v[`reply_to_id${i}`] as string | null,
          })),
        )
        // only the (conversation, client id) constraint can conflict: ids are random
        .onConflict((oc) => oc.doNothing())
        .returning('id'),
    ),
  );
  const unbump = precompile<Values, never>(db, (v) =>
    db
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '-', 1) }))
      .where('id', '=', v.id as string),
  );
  const byClientId = precompile<Values, MessageRow>(db, (v) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', v.conversationId as string)
      .where('client_message_id', '=', v.clientMessageId as string),
  );

  const bumpAll = async <R extends ConversationRow>(
    trx: Kysely<Database>,
    query: (size: number) => PrecompiledQuery<Values, R>,
    all: readonly string[],
  ) => {
    const rows: R[] = [];
    for (const part of padded(all)) {
      const values: Values = {};
      part.forEach((key, i) => (values[`k${i}`] = key));
      rows.push(...(await query(part.length)(trx, values)).rows);
    }
    return rows;
  };

  const writeBatch = (writes: readonly MessageWrite[]): Promise<Array<Outcome<WriteResult>>> =>
    db.transaction().execute(async (trx) => {
      const outcomes: Array<Outcome<WriteResult>> = writes.map(() => ({ ok: true, value: undefined }));
      /** Each write to store: its index, seq and the conversation after it. */
      const planned: Array<{ index: number; seq: number; conversation: Conversation }> = [];

      const byVisitor = new Map<string, number>();
      const byConversation = new Map<string, number[]>();
      writes.forEach((write, index) => {
        if (write.to === 'open-of-visitor') {
          if (byVisitor.has(write.visitorId)) throw new WriteEachAlone('one visitor twice in a batch');
          byVisitor.set(write.visitorId, index);
        } else {
          const list = byConversation.get(write.message.conversationId) ?? [];
          list.push(index);
          byConversation.set(write.message.conversationId, list);
        }
      });

      for (const row of await bumpAll(trx, bumpOpenOfVisitors, [...byVisitor.keys()])) {
        const conversation = toConversation(row);
        const index = byVisitor.get(row.visitor_id);
        if (index !== undefined) planned.push({ index, seq: conversation.lastSeq, conversation });
      }

      // one message, not an agent's: in a set; otherwise one statement per conversation
      const single = new Set(
        [...byConversation]
          .filter(([, indexes]) => indexes.length === 1 && writes[indexes[0] ?? -1]?.message.author.kind !== 'agent')
          .map(([id]) => id),
      );
      const found = new Set<string>();
      for (const row of await bumpAll(trx, bumpIds, [...single])) {
        const conversation = toConversation(row);
        found.add(row.id);
        const index = byConversation.get(row.id)?.[0];
        if (index !== undefined) planned.push({ index, seq: conversation.lastSeq, conversation });
      }
      for (const [id, indexes] of byConversation) {
        if (found.has(id)) continue;
        if (!single.has(id)) {
          const agentReply = indexes.map((i) => writes[i]?.message).find((message) => message?.author.kind === 'agent');
          const bump = agentReply ? bumpByCount.agent : bumpByCount.other;
          const [row] = (await bump(trx, { id, count: indexes.length, now: agentReply?.now })).rows;
          if (row) {
            const conversation = toConversation(row);
            indexes.forEach((index, i) =>
              planned.push({ index, seq: conversation.lastSeq - indexes.length + 1 + i, conversation }),
            );
            continue;
          }
        }
        for (const index of indexes)
          outcomes[index] = { ok: false, error: new MissingConversation(`conversation ${id} does not exist`) };
      }

      const rows = planned.map(({ index, seq, conversation }): MessageRow => {
        const { message } = writes[index] as MessageWrite;
        return {
          id: message.id,
          conversation_id: conversation.id,
          seq,
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
      });
      let inserted = 0;
      for (const part of cut(rows)) {
        const values: Values = {};
        part.forEach((row, i) => COLUMNS.forEach((column) => (values[`${column}${i}`] = row[column])));
        inserted += (await insert(part.length)(trx, values)).rows.length;
      }
      if (inserted < rows.length) {
        if (writes.length > 1) throw new WriteEachAlone('a client id is already stored');
        const [only] = planned;
        const clientMessageId = writes[0]?.message.clientMessageId ?? null;
        if (!only || clientMessageId === null) throw new Error('a message without a client id was not stored');
        // a retry: no new seq after all. Nobody saw the bump: the row is locked (PostgreSQL) or the
        // database written (SQLite) by this transaction until it ends.
        await unbump(trx, { id: only.conversation.id });
        const [earlier] = (await byClientId(trx, { conversationId: only.conversation.id, clientMessageId })).rows;
        if (!earlier) throw new Error('a message was neither stored nor found under its client id');
        const conversation = { ...only.conversation, lastSeq: only.conversation.lastSeq - 1 };
        return [{ ok: true, value: { message: toMessage(earlier), created: false, conversation } }];
      }
      planned.forEach(({ index, conversation }, i) => {
        const row = rows[i];
        if (row) outcomes[index] = { ok: true, value: { message: toMessage(row), created: true, conversation } };
      });
      return outcomes;
    });

  return { writeBatch };
}
