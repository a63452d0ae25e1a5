/**
 * @module Conversations written in SQL: state changes are conditional updates, so a race loses
 * cleanly instead of assigning or closing twice; a seat is checked in the same transaction that
 * fills it. Each write answers the conversation as it now stands.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation } from '@parley/shared';
import { ParleyError } from '../../errors.ts';
import type { ConversationStore } from '../conversation-store.ts';
import type { Database } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';
import type { Engine } from '../store.ts';

export type ConversationWrites = Pick<
  ConversationStore,
  'create' | 'assign' | 'transfer' | 'reopen' | 'close' | 'markSeen' | 'rate' | 'requeueForAgent'
>;

/** `one` reads a conversation back after a write. */
export function createConversationWrites(
  db: Kysely<Database>,
  engine: Engine,
  one: (id: string) => Promise<Conversation | undefined>,
): ConversationWrites {
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

  return {
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
  };
}
