/**
 * Three Parley processes on one PostgreSQL and one Redis (started by scripts/cluster.mjs, as an
 * operator would): visitors and agents spread over the processes get every message exactly once
 * and in order, no conversation is assigned twice, no agent exceeds capacity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@parley/shared';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import type { Store } from '../src/store/types.ts';
import { hashPassword } from '../src/domain/passwords.ts';
import { newId } from '../src/domain/ids.ts';
import { ADMIN } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { redisAvailable, startOwnRedis, type OwnRedis } from './support/redis.ts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { login } from './support/clients.ts';
import { ResilientAgent, ResilientVisitor } from './support/resilient-clients.ts';

const VISITORS = 90;
const AGENTS = 10;
const CAPACITY = 10;
const TTL_SECONDS = 3;

describe.runIf(redisAvailable && postgresAdminUrl)('three processes on Redis and PostgreSQL', () => {
  let database: TempDatabase;
  let redis: OwnRedis;
  let cluster: Cluster;
  let store: Store;
  let siteKey: string;
  const agents: Array<{ id: string; email: string; password: string }> = [];
  const clients: Array<{ close(): void }> = [];

  beforeAll(async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    redis = await startOwnRedis();
    cluster = await startCluster({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      PRESENCE_TTL_SECONDS: String(TTL_SECONDS),
      AGENT_REQUEUE_GRACE_SECONDS: '60',
      MAIL_WORKER_INTERVAL_MS: '0',
      QUEUE_MAX_WAIT_SECONDS: '0',
      LOG_LEVEL: 'error',
    });
    store = await openSqlStore({ engine: 'postgres', url: database.url });
    const demo = await store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    siteKey = demo.siteKey;
    const passwordHash = await hashPassword('agent password 1');
    for (let i = 0; i < AGENTS; i += 1) {
      const email = `agent${i}@example.com`;
      const agent = await store.agents.create({
        id: newId('agt'),
        email,
        name: `Agent ${i}`,
        role: 'agent',
        capacity: CAPACITY,
        passwordHash,
        createdAt: new Date().toISOString(),
      });
      agents.push({ id: agent.id, email, password: 'agent password 1' });
    }
    // the admin never chats here: only the test's agents take conversations
    const admin = await store.agents.findByEmail(ADMIN.email);
    if (admin) await store.agents.setStatus(admin.id, 'offline');
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await cluster?.stop();
    await store?.close();
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  const signIn = async (url: string, i: number, options: { reconnection?: boolean } = {}) => {
    const { email, password } = agents[i] ?? { email: '', password: '' };
    const agent = new ResilientAgent(url, await login(url, email, password), options);
    clients.push(agent);
    await new Promise<void>((resolve) => agent.socket.once('connect', () => resolve()));
    return agent;
  };

  it('delivers every message exactly once, in order, and assigns each conversation once within capacity', async () => {
    const origin = new URL(cluster.url).origin;
    const node = (i: number) => cluster.nodes[i % cluster.nodes.length]?.url ?? cluster.url;
    // agents and visitors on different processes, each connected straight to its node
    const team = await Promise.all(agents.map((_, i) => signIn(node(i), i)));
    const repliesDone: Array<Promise<Message>> = [];
    for (const agent of team) {
      agent.onVisitorMessage = (message) => {
        repliesDone.push(agent.reply(message.conversationId, `re-${message.id}`, `re: ${message.body}`));
      };
    }
    const visitors = Array.from({ length: VISITORS }, (_, i) => new ResilientVisitor(node(i + 1), siteKey, origin));
    clients.push(...visitors);
    await Promise.all(visitors.map((v) => v.until(() => v.resumes > 0)));

    const rounds = 3;
    await Promise.all(
      visitors.map(async (visitor, i) => {
        for (let round = 1; round <= rounds; round += 1) {
          await visitor.send(`visitor ${i} says ${round}`);
          // wait for the agent's answer to this one before the next: a conversation, not a flood
          await visitor.until(() => [...visitor.timeline.bySeq.values()].filter((m) => m.author.kind === 'agent').length >= round);
        }
      }),
    );
    await Promise.all(repliesDone);

    // no conversation assigned twice, nobody over capacity
    const assigned = team.flatMap((a) => a.assigned);
    expect(assigned).toHaveLength(VISITORS);
    expect(new Set(assigned).size).toBe(VISITORS);
    for (const agent of team) expect(agent.assigned.length).toBeLessThanOrEqual(CAPACITY);
    for (const load of await store.agents.listLoads()) expect(load.activeCount).toBeLessThanOrEqual(load.capacity);

    // each participant: every stored message exactly once, live, in order
    let delivered = 0;
    for (const visitor of visitors) {
      const conversationId = visitor.conversationId ?? '';
      const record = await store.messages.listAfter(conversationId, 0, 100);
      expect(record).toHaveLength(rounds * 2);
      expect(visitor.timeline.live).toEqual(record.map((m) => m.seq));
      expect(visitor.timeline.liveRepeats + visitor.timeline.conflicts).toBe(0);
      const holder = team.find((a) => a.assigned.includes(conversationId));
      const held = holder?.timeline(conversationId);
      // the agent was given the first message with the assignment, then got the rest live
      expect([...(held?.bySeq.keys() ?? [])].sort((a, b) => a - b)).toEqual(record.map((m) => m.seq));
      expect(held?.liveInOrder()).toBe(true);
      expect((held?.liveRepeats ?? 0) + (held?.conflicts ?? 0)).toBe(0);
      delivered += visitor.timeline.live.length + (held?.live.length ?? 0);
    }
    process.stdout.write(`cluster: ${VISITORS} visitors, ${AGENTS} agents on 3 processes; ${delivered} live deliveries, 0 lost, 0 repeated\n`);

    for (const client of [...team, ...visitors]) client.close();
  }, 180_000);
});
