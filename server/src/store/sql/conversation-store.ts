/**
 * @module Conversations in SQL: state changes are conditional updates, so a race loses cleanly
 * instead of assigning or closing twice.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { ErrorCode } from '@parley/shared/error-codes';
import type { ConversationStatus, ConversationSummary, QueuedConversation } from '@parley/shared';
import { ParleyError } from '../../errors.ts';
import type { ConversationStore } from '../conversation-store.ts';
import type { Database } from './schema.ts';
import { toConversation, toMessage, toSummary, type ConversationRow } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';
import type { Engine } from './migration-0002-visitor-profile.ts';
import { chunks } from './chunks.ts';

/** Statuses that make a conversation the visitor's one open conversation (see the partial unique index). */
const OPEN = ['queued', 'active'];

export function createConversationStore(db: Kysely<Database>, engine: Engine): ConversationStore {
  /**
   * Whether the agent can take one more conversation, asked inside the transaction that gives it to
   * them. On PostgreSQL the agent's row stays locked until that transaction ends, so two processes
   * filling the same agent's last seat queue up here and the second one sees it taken; SQLite runs
   * one process whose transactions are serial already.
   */
  const seatFree = async (trx: Transaction<Database>, agentId: string, options: { mustBeOnline: boolean }) => {
    let query = trx.selectFrom('agents').select(['capacity', 'status', 'active']).where('id', '=', agentId);
    if (engine === 'postgres') query = query.forUpdate();
    const agent = await query.executeTakeFirst();
    if (!agent || Number(agent.active) !== 1) return false;
    if (options.mustBeOnline && agent.status !== 'online') return false;
    const held = await trx
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('agent_id', '=', agentId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(held.n) < Number(agent.capacity);
  };

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
    return rows.map((r) => toSummary(r, byConversation.get(r.id)));
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
    async create({ id, siteId, visitorId, now, status = 'queued', origin = null }) {
      try {
        await db
          .insertInto('conversations')
          .values({
            id,
            site_id: siteId,
            visitor_id: visitorId,
            status,
            agent_id: null,
            created_at: now,
            assigned_at: null,
            closed_at: null,
            closed_by: null,
            last_seq: 0,
            visitor_seen_seq: 0,
            agent_seen_seq: 0,
            rating: null,
            rating_comment: null,
            origin: origin === null ? null : JSON.stringify(origin),
            first_assigned_at: null,
            first_agent_reply_at: null,
            transfer_count: 0,
            reopen_count: 0,
            // kept beside the origin as a plain column, so reports group by rule in SQL on both engines
            started_by_rule_id: origin?.kind === 'rule' ? origin.ruleId : null,
            anonymised_at: null,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ParleyError(ErrorCode.Conflict, 'This visitor already has an open conversation', { cause: error });
        }
        throw error;
      }
      const created = await one(id);
      if (!created) throw new Error(`conversation ${id} vanished right after insert`);
      return created;
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
    async assign(id, agentId, now) {
      const assigned = await db.transaction().execute(async (trx) => {
        if (!(await seatFree(trx, agentId, { mustBeOnline: true }))) return false;
        const result = await trx
          .updateTable('conversations')
          .set({
            status: 'active',
            agent_id: agentId,
            assigned_at: now,
            first_assigned_at: sql<string>`coalesce(first_assigned_at, ${now})`,
          })
          .where('id', '=', id)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await trx.updateTable('agents').set({ last_assigned_at: now }).where('id', '=', agentId).execute();
        return true;
      });
      return assigned ? one(id) : undefined;
    },
    async transfer(id, fromAgentId, toAgentId) {
      const moved = await db.transaction().execute(async (trx) => {
        if (!(await seatFree(trx, toAgentId, { mustBeOnline: true }))) return false;
        const result = await trx
          .updateTable('conversations')
          .set((eb) => ({ agent_id: toAgentId, transfer_count: eb('transfer_count', '+', 1) }))
          .where('id', '=', id)
          .where('agent_id', '=', fromAgentId)
          .where('status', '=', 'active')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      });
      return moved ? one(id) : undefined;
    },
    async reopen(id, agentId) {
      let reopened;
      try {
        reopened = await db.transaction().execute(async (trx) => {
          if (!(await seatFree(trx, agentId, { mustBeOnline: false }))) return false;
          const result = await trx
            .updateTable('conversations')
            .set((eb) => ({
              status: 'active',
              closed_at: null,
              closed_by: null,
              reopen_count: eb('reopen_count', '+', 1),
            }))
            .where('id', '=', id)
            .where('agent_id', '=', agentId)
            .where('status', '=', 'closed')
            .executeTakeFirst();
          return Number(result.numUpdatedRows) > 0;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ParleyError(ErrorCode.Conflict, 'The visitor has started another conversation since', {
            cause: error,
          });
        }
        throw error;
      }
      return reopened ? one(id) : undefined;
    },
    async close(id, by, now) {
      const result = await db
        .updateTable('conversations')
        .set({ status: 'closed', closed_at: now, closed_by: by })
        .where('id', '=', id)
        .where('status', '<>', 'closed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 0 ? undefined : one(id);
    },
    async markSeen(id, by, seq) {
      const column = by === 'visitor' ? 'visitor_seen_seq' : 'agent_seen_seq';
      // Clamp to what exists and only ever move forward: late or replayed receipts change nothing.
      await db
        .updateTable('conversations')
        .set((eb) => ({ [column]: eb.fn<number>('least', [eb.val(seq), eb.ref('last_seq')]) }))
        .where('id', '=', id)
        .where(column, '<', seq)
        .execute();
      return one(id);
    },
    async rate(id, rating, comment) {
      await db.updateTable('conversations').set({ rating, rating_comment: comment }).where('id', '=', id).execute();
      return one(id);
    },
    async requeueForAgent(agentId) {
      const ids = await db
        .selectFrom('conversations')
        .select('id')
        .where('agent_id', '=', agentId)
        .where('status', '=', 'active')
        .execute();
      const requeued = [];
      for (const { id } of ids) {
        // conditional, like assign and close: a chat closed meanwhile stays closed
        const result = await db
          .updateTable('conversations')
          .set({ status: 'queued', agent_id: null, assigned_at: null })
          .where('id', '=', id)
          .where('agent_id', '=', agentId)
          .where('status', '=', 'active')
          .executeTakeFirst();
        const now = Number(result.numUpdatedRows) === 0 ? undefined : await one(id);
        if (now) requeued.push(now);
      }
      return requeued;
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
