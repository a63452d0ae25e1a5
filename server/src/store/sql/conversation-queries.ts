/**
 * @module Conversations read from SQL: one, a visitor's, the queue and its positions, an agent's
 * open and closed ones with their last messages, and the figures the queue's wait estimate uses.
 * Writes are in conversation-writes.ts.
 */
import type { Kysely } from 'kysely';
import type { ConversationStatus, ConversationSummary, QueuedConversation } from '@parley/shared';
import type { ConversationStore } from '../conversation-store.ts';
import type { Database } from './schema.ts';
import { toConversation, toMessage, toSummary, type ConversationRow } from './mappers.ts';
import { withAttachmentsOfLast } from './message-attachments.ts';
import { chunks } from './chunks.ts';
import type { ConversationWrites } from './conversation-writes.ts';

/** Statuses that make a conversation the visitor's one open conversation (see the partial unique index). */
const OPEN = ['queued', 'active', 'bot'];

type ConversationQueries = Omit<ConversationStore, keyof ConversationWrites>;

export function createConversationQueries(db: Kysely<Database>): ConversationQueries {
  const base = () =>
    db
      .selectFrom('conversations as c')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .leftJoin('visitors as v', 'v.id', 'c.visitor_id')
      .selectAll('c')
      .select([
        'a.name as agent_name',
        'v.name as visitor_name',
        'v.email as visitor_email',
        'v.verified as visitor_verified',
      ]);

  const one = async (id: string) => {
    const row: ConversationRow | undefined = await base().where('c.id', '=', id).executeTakeFirst();
    return row ? toConversation(row) : undefined;
  };

  const withLastMessages = async (rows: ConversationRow[]): Promise<ConversationSummary[]> => {
    if (rows.length === 0) return [];
    const last = await db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', (join) =>
        join.onRef('c.id', '=', 'm.conversation_id').onRef('c.last_seq', '=', 'm.seq'),
      )
      .selectAll('m')
      .where(
        'c.id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byConversation = new Map(last.map((m) => [m.conversation_id, m]));
    // files-in-chat: the last messages' files, one query for the whole list
    return withAttachmentsOfLast(
      db,
      rows.map((r) => toSummary(r, byConversation.get(r.id))),
    );
  };

  /** Each conversation's opening visitor message: what the visitor came for. */
  const firstVisitorMessages = async (ids: string[]) => {
    if (ids.length === 0) return new Map<string, ReturnType<typeof toMessage>>();
    const rows = await db
      .selectFrom('messages as m')
      .selectAll('m')
      .where('m.conversation_id', 'in', ids)
      .where('m.author_kind', '=', 'visitor')
      .where('m.seq', '=', (eb) =>
        eb
          .selectFrom('messages as f')
          .select((f) => f.fn.min<number>('f.seq').as('first_seq'))
          .whereRef('f.conversation_id', '=', 'm.conversation_id')
          .where('f.author_kind', '=', 'visitor'),
      )
      .execute();
    return new Map(rows.map((m) => [m.conversation_id, toMessage(m)]));
  };

  return {
    findById: one,
    async findOpenByVisitor(visitorId) {
      const row = await base().where('c.visitor_id', '=', visitorId).where('c.status', 'in', OPEN).executeTakeFirst();
      return row ? toConversation(row) : undefined;
    },
    async visitorsWithOpen(visitorIds) {
      const open = new Set<string>();
      for (const chunk of chunks(visitorIds)) {
        const rows = await db
          .selectFrom('conversations')
          .select('visitor_id')
          .where('visitor_id', 'in', chunk)
          .where('status', 'in', OPEN)
          .execute();
        for (const row of rows) open.add(row.visitor_id);
      }
      return open;
    },
    async findLatestByVisitor(visitorId) {
      const row = await base()
        .where('c.visitor_id', '=', visitorId)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .executeTakeFirst();
      return row ? toConversation(row) : undefined;
    },
    async listByVisitor(visitorId, limit) {
      const rows = await db
        .selectFrom('conversations')
        .select(['id', 'created_at', 'status'])
        .where('visitor_id', '=', visitorId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      const firsts = await firstVisitorMessages(rows.map((r) => r.id));
      return rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        status: r.status as ConversationStatus,
        firstMessage: firsts.get(r.id)?.body ?? null,
      }));
    },
    async listQueued(): Promise<QueuedConversation[]> {
      const rows = await base()
        .innerJoin('sites as s', 's.id', 'c.site_id')
        .select('s.routing_mode')
        .where('c.status', '=', 'queued')
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
      const summaries = await withLastMessages(rows);
      const firsts = await firstVisitorMessages(rows.map((r) => r.id));
      return summaries.map((summary, i) => ({
        ...summary,
        firstMessage: firsts.get(summary.id) ?? null,
        routingMode: rows[i]?.routing_mode === 'manual' ? 'manual' : 'automatic',
      }));
    },
    async queuePosition(id) {
      const target = await db
        .selectFrom('conversations')
        .select(['status', 'created_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (target?.status !== 'queued') return null;
      // a count, not listQueued: a queued visitor's resume must not read the whole queue
      const ahead = await db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('status', '=', 'queued')
        .where((eb) =>
          eb.or([
            eb('created_at', '<', target.created_at),
            eb.and([eb('created_at', '=', target.created_at), eb('id', '<=', id)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(ahead.n);
    },
    async listOpenForAgent(agentId) {
      const rows = await base()
        .where('c.agent_id', '=', agentId)
        .where('c.status', '=', 'active')
        .orderBy('c.assigned_at')
        .execute();
      return withLastMessages(rows);
    },
    async listClosedForAgent(agentId, since, limit) {
      const rows = await base()
        .where('c.agent_id', '=', agentId)
        .where('c.status', '=', 'closed')
        .where('c.closed_at', '>=', since)
        .orderBy('c.closed_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute();
      return withLastMessages(rows);
    },
    async summary(id) {
      const row = await base().where('c.id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [summary] = await withLastMessages([row]);
      return summary;
    },
    async activeHolders() {
      const rows = await db
        .selectFrom('conversations')
        .select('agent_id')
        .distinct()
        .where('status', '=', 'active')
        .where('agent_id', 'is not', null)
        .execute();
      return rows.flatMap((r) => (r.agent_id === null ? [] : [r.agent_id]));
    },
    async recentWaits(limit) {
      const rows = await db
        .selectFrom('conversations')
        .select(['created_at', 'assigned_at'])
        .where('assigned_at', 'is not', null)
        .orderBy('assigned_at', 'desc')
        .limit(limit)
        .execute();
      // Times are ISO text in both engines: the difference is taken here rather than in two SQL dialects.
      return rows.map((r) =>
        Math.max(0, (Date.parse(r.assigned_at ?? r.created_at) - Date.parse(r.created_at)) / 1000),
      );
    },
  };
}
