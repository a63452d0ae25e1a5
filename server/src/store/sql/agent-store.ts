/**
 * @module Agents in SQL, and the per-agent load that routing reads.
 */
import type { Kysely } from 'kysely';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import type { AgentStore, NewAgent, RoutingCandidate } from '../agent-store.ts';
import type { AgentsTable, Database } from './schema.ts';
import { toAgent, toAgentStatus } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';

const emailTaken = (cause: unknown): ParleyError =>
  new ParleyError(ErrorCode.Conflict, 'Another agent already has this email address', { cause });

export function createAgentStore(db: Kysely<Database>): AgentStore {
  // Active agents with how many active conversations each holds now.
  const loads = () =>
    db
      .selectFrom('agents as a')
      .leftJoin('conversations as c', (join) => join.onRef('c.agent_id', '=', 'a.id').on('c.status', '=', 'active'))
      .select((eb) => [
        'a.id',
        'a.name',
        'a.status',
        'a.capacity',
        'a.last_assigned_at',
        eb.fn.count<string | number>('c.id').as('active_count'),
      ])
      .where('a.active', '=', 1)
      .groupBy(['a.id', 'a.name', 'a.status', 'a.capacity', 'a.last_assigned_at']);

  const toCandidate = (r: {
    id: string;
    name: string;
    status: string;
    capacity: number;
    last_assigned_at: string | null;
    active_count: string | number;
  }): RoutingCandidate => ({
    id: r.id,
    name: r.name,
    status: toAgentStatus(r.status),
    capacity: Number(r.capacity),
    activeCount: Number(r.active_count),
    lastAssignedAt: r.last_assigned_at,
  });

  return {
    async count() {
      const row = await db
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findByEmail(email) {
      const row = await db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toAgent(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAgent(row) : undefined;
    },
    async create(agent: NewAgent) {
      const row = {
        id: agent.id,
        email: agent.email.toLowerCase(),
        name: agent.name,
        role: agent.role,
        capacity: agent.capacity,
        password_hash: agent.passwordHash,
        active: 1,
        last_assigned_at: null,
        created_at: agent.createdAt,
        avatar_url: null,
        status: 'online',
      };
      try {
        await db.insertInto('agents').values(row).execute();
      } catch (error) {
        throw isUniqueViolation(error) ? emailTaken(error) : error;
      }
      return toAgent(row);
    },
    async list() {
      const rows = await db.selectFrom('agents').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toAgent);
    },
    async update(id, changes) {
      const set: Partial<AgentsTable> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.email !== undefined) set.email = changes.email.toLowerCase();
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.capacity !== undefined) set.capacity = changes.capacity;
      if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
      if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
      if (Object.keys(set).length > 0) {
        try {
          await db.updateTable('agents').set(set).where('id', '=', id).execute();
        } catch (error) {
          throw isUniqueViolation(error) ? emailTaken(error) : error;
        }
      }
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAgent(row) : undefined;
    },
    async routingCandidates(ids): Promise<RoutingCandidate[]> {
      if (ids.length === 0) return [];
      const rows = await loads().where('a.id', 'in', ids).execute();
      return rows.map(toCandidate);
    },
    async listLoads() {
      const rows = await loads().orderBy('a.name').orderBy('a.id').execute();
      return rows.map(toCandidate);
    },
    async setStatus(id, status) {
      await db.updateTable('agents').set({ status }).where('id', '=', id).execute();
    },
    async team(limit) {
      const rows = await db
        .selectFrom('agents')
        .select(['name', 'avatar_url'])
        .where('active', '=', 1)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ name: r.name, avatarUrl: r.avatar_url }));
    },
    async profiles(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('agents')
        .select(['id', 'name', 'avatar_url', 'active'])
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, avatarUrl: r.avatar_url, active: Number(r.active) === 1 }));
    },
  };
}
