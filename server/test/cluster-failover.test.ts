/**
 * Three Parley processes on one PostgreSQL and one Redis (started by scripts/cluster.mjs, as an
 * operator would): visitors and agents spread over the processes get every message exactly once
 * and in order, no conversation is assigned twice, no agent exceeds capacity; once that team has left,
 * the team signed in next gets every new conversation. Then chaos (issue 7):
 * one process SIGKILLed and Redis restarted while visitors and agents keep talking; nothing is lost
 * or stored twice, every conversation carries on, and the recovery times are printed.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@parley/shared';
import { SESSION_COOKIE } from '@parley/shared/error-codes';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import type { Store } from '../src/store/store.ts';
import { hashPassword } from '../src/domain/passwords.ts';
import { sessionIdOfToken } from '../src/domain/agent-auth.ts';
import { newId } from '../src/domain/ids.ts';
import { ADMIN } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { redisAvailable, startOwnRedis, type OwnRedis } from './support/redis.ts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { ResilientAgent, ResilientVisitor } from './support/resilient-clients.ts';

/** Awaits `promise`, or fails after `ms` saying what was still missing, so a hang names its cause. */
async function within<T>(ms: number, promise: Promise<T>, missing: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: ${missing()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const VISITORS = 300;
const AGENTS = 30;
const CAPACITY = 10;
const TTL_SECONDS = 3;
/** Signs in after the first test's team has left, on the same processes, for the visitors who come next. */
const NEXT_TEAM = 4;
const NEXT_VISITORS = 20;
const CHAOS_VISITORS = 300;
const CHAOS_AGENTS = 30;

interface ClusterSetup {
  redis: OwnRedis;
  cluster: Cluster;
  store: Store;
  siteKey: string;
  signIn: (url: string, i: number, options?: { reconnection?: boolean }) => Promise<ResilientAgent>;
  clients: Array<{ close(): void }>;
}

/**
 * A database, a Redis and three processes of their own for the tests registered by `tests`, with
 * `agentCount` agents: each suite starts from nobody online, whatever the other left behind.
 */
function withCluster(agentCount: number, tests: (setup: ClusterSetup) => void): void {
  let database: TempDatabase;
  const setup = { clients: [] as Array<{ close(): void }> } as ClusterSetup;
  const agents: Array<{ id: string; cookie: string }> = [];

  beforeAll(async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    const redis = await startOwnRedis();
    setup.redis = redis;
    const cluster = await startCluster({
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
    setup.cluster = cluster;
    const store = await openSqlStore({ engine: 'postgres', url: database.url });
    setup.store = store;
    const demo = await store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    setup.siteKey = demo.siteKey;
    // Signed in through the store: 30 sign-ins at scrypt's real cost would take most of the time
    // budget on a busy machine, and sign-in over REST is tested elsewhere. The sessions are as real.
    const passwordHash = await hashPassword('agent password 1');
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    for (let i = 0; i < agentCount; i += 1) {
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
      const token = randomBytes(32).toString('base64url');
      await store.sessions.create(sessionIdOfToken(token), agent.id, expiresAt);
      agents.push({ id: agent.id, cookie: `${SESSION_COOKIE}=${token}` });
    }
    // the admin never chats here: only the test's agents take conversations
    const admin = await store.agents.findByEmail(ADMIN.email);
    if (admin) await store.agents.setStatus(admin.id, 'offline');
  }, 120_000);

  afterAll(async () => {
    for (const client of setup.clients) client.close();
    await setup.cluster?.stop();
    await setup.store?.close();
    await setup.redis?.stop();
    await database?.drop();
  }, 60_000);

  setup.signIn = async (url, i, options = {}) => {
    const agent = new ResilientAgent(url, agents[i]?.cookie ?? '', options);
    setup.clients.push(agent);
    await within(
      15_000,
      new Promise<void>((resolve) => agent.socket.once('connect', () => resolve())),
      () => `agent ${i} never connected`,
    );
    return agent;
  };
  tests(setup);
}

describe.runIf(redisAvailable && postgresAdminUrl)('three processes on Redis and PostgreSQL', () => {
  withCluster(AGENTS + NEXT_TEAM, (setup) => {
    it('delivers every message exactly once, in order, and assigns each conversation once within capacity', async () => {
      const { cluster, store, siteKey, signIn, clients } = setup;
      const origin = new URL(cluster.url).origin;
      const node = (i: number) => cluster.nodes[i % cluster.nodes.length]?.url ?? cluster.url;
      // agents and visitors on different processes, each connected straight to its node
      const team = await Promise.all(Array.from({ length: AGENTS }, (_, i) => signIn(node(i), i)));
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
            await visitor.until(
              () => [...visitor.timeline.bySeq.values()].filter((m) => m.author.kind === 'agent').length >= round,
            );
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
      process.stdout.write(
        `cluster: ${VISITORS} visitors, ${AGENTS} agents on 3 processes; ${delivered} live deliveries, 0 lost, 0 repeated\n`,
      );

      for (const client of [...team, ...visitors]) client.close();
    }, 180_000);

    it('gives nothing to agents who have just left: the team signed in now gets every new conversation', async () => {
      const { cluster, siteKey, signIn, clients } = setup;
      const origin = new URL(cluster.url).origin;
      const node = (i: number) => cluster.nodes[i % cluster.nodes.length]?.url ?? cluster.url;
      // the previous test's agents closed their consoles as it ended; these are other accounts
      const team = await Promise.all(Array.from({ length: NEXT_TEAM }, (_, i) => signIn(node(i), AGENTS + i)));
      for (const agent of team) {
        agent.onVisitorMessage = (message) =>
          void agent.reply(message.conversationId, `re-${message.id}`, `re: ${message.body}`);
      }
      const visitors = Array.from({ length: NEXT_VISITORS }, (_, i) => new ResilientVisitor(node(i), siteKey, origin));
      clients.push(...visitors);
      await Promise.all(visitors.map((v) => v.until(() => v.resumes > 0)));
      const answered = (v: ResilientVisitor) => [...v.timeline.bySeq.values()].some((m) => m.author.kind === 'agent');
      await within(
        60_000,
        Promise.all(
          visitors.map(async (v, i) => {
            await v.send(`next visitor ${i}`);
            await v.until(() => answered(v));
          }),
        ),
        () =>
          `${visitors.filter((v) => !answered(v)).length} of ${NEXT_VISITORS} visitors had no answer from the team signed in now`,
      );
      const assigned = team.flatMap((a) => a.assigned);
      expect(new Set(assigned)).toEqual(new Set(visitors.map((v) => v.conversationId)));
      for (const client of [...team, ...visitors]) client.close();
    }, 120_000);
  });
});

describe.runIf(redisAvailable && postgresAdminUrl)('three processes on Redis and PostgreSQL under chaos', () => {
  withCluster(CHAOS_AGENTS, (setup) => {
    it('survives a SIGKILLed process and a Redis restart mid-traffic: nothing lost or repeated, every conversation resumed', async () => {
      const { cluster, redis, store, siteKey, signIn, clients } = setup;
      // everyone goes through the balancer, so a client of the killed process reconnects to a live one
      const url = cluster.url;
      const origin = new URL(url).origin;
      const team = await Promise.all(Array.from({ length: CHAOS_AGENTS }, (_, i) => signIn(url, i)));
      const replies: Array<Promise<Message>> = [];
      for (const agent of team) {
        agent.onVisitorMessage = (message) => {
          replies.push(agent.reply(message.conversationId, `re-${message.id}`, `re: ${message.body}`));
        };
      }
      const visitors = Array.from({ length: CHAOS_VISITORS }, () => new ResilientVisitor(url, siteKey, origin));
      clients.push(...visitors);
      await within(30_000, Promise.all(visitors.map((v) => v.until(() => v.resumes > 0))), () => {
        return `${visitors.filter((v) => v.resumes === 0).length} visitors not resumed`;
      });

      // each visitor keeps talking, one message at a time, answered before the next, until told to stop
      const answers = (v: ResilientVisitor) =>
        [...v.timeline.bySeq.values()].filter((m) => m.author.kind === 'agent').length;
      const answeredAt = visitors.map(() => 0);
      const sent = visitors.map(() => 0);
      let talking = true;
      const progress = new EventEmitter();
      const talks = visitors.map(async (visitor, i) => {
        while (talking) {
          sent[i] = (sent[i] ?? 0) + 1;
          await visitor.send(`visitor ${i} says ${sent[i]}`);
          await visitor.until(() => answers(visitor) >= (sent[i] ?? 0));
          answeredAt[i] = Date.now();
          progress.emit('answered');
        }
      });
      const stateOf = (v: ResilientVisitor, i: number) => {
        const id = v.conversationId ?? '';
        const holder = team.find((a) => a.assigned.includes(id));
        const held = holder?.timelines.get(id);
        return [
          `conversation ${id}: sent ${sent[i]}, answers ${answers(v)}, visitor holds to seq ${v.timeline.lastContiguous()}`,
          `resumes ${v.resumes}, connected ${v.socket.connected}`,
          holder
            ? `agent ${team.indexOf(holder)} holds to seq ${held?.lastContiguous()} (connected ${holder.socket.connected})`
            : 'no agent assigned',
        ].join(', ');
      };
      const conversationOf = new Map<ResilientVisitor, string | null>();
      /** Waits until every visitor has had an answer after `since`; returns how long that took from `since`. */
      const allAnsweredAfter = async (since: number, what: string) => {
        const done = () => answeredAt.every((t) => t > since);
        await within(
          60_000,
          new Promise<void>((resolve) => {
            const check = () => {
              if (!done()) return;
              progress.off('answered', check);
              resolve();
            };
            progress.on('answered', check);
            check();
          }),
          () => {
            const stuck = visitors.flatMap((v, i) =>
              (answeredAt[i] ?? 0) > since ? [] : [`#${i} (${stateOf(v, i)})`],
            );
            return `${what}: ${stuck.length} visitors had no answer yet: ${stuck.slice(0, 5).join('; ')}`;
          },
        );
        return Math.max(...answeredAt) - since;
      };

      const warm = Date.now();
      await allAnsweredAfter(warm - 1, 'warm-up');
      for (const v of visitors) conversationOf.set(v, v.conversationId);

      const killedAt = Date.now();
      await cluster.kill(1);
      const afterKill = await allAnsweredAfter(killedAt, 'after SIGKILL of process 1');
      await within(60_000, cluster.start(1), () => 'process 1 did not start again');

      const redisAt = Date.now();
      await redis.restart();
      const afterRedis = await allAnsweredAfter(redisAt, 'after the Redis restart');

      talking = false;
      await within(
        60_000,
        Promise.all(talks),
        () =>
          `${visitors.filter((v, i) => answers(v) < (sent[i] ?? 0)).length} visitors still waiting for their last answer`,
      );
      await within(30_000, Promise.all(replies), () => 'agent replies still unacked');
      process.stdout.write(
        `chaos: ${CHAOS_VISITORS} visitors, ${CHAOS_AGENTS} agents; recovery after SIGKILL ${afterKill} ms, after Redis restart ${afterRedis} ms\n`,
      );

      let messages = 0;
      for (const [i, visitor] of visitors.entries()) {
        const conversationId = visitor.conversationId ?? '';
        // resumed, not restarted: the same conversation from before the failures to the end
        expect(conversationId).toBe(conversationOf.get(visitor));
        const record = await store.messages.listAfter(conversationId, 0, 1000);
        // every message sent was stored exactly once (the retries carry the same client id)
        const bodies = record.map((m) => m.body);
        expect(new Set(bodies).size).toBe(bodies.length);
        expect(record.filter((m) => m.author.kind === 'visitor')).toHaveLength(sent[i] ?? 0);
        expect(record.filter((m) => m.author.kind === 'agent')).toHaveLength(sent[i] ?? 0);
        // the visitor holds every one of them, none seen twice or with two contents
        expect([...visitor.timeline.bySeq.keys()].sort((a, b) => a - b)).toEqual(record.map((m) => m.seq));
        expect(visitor.timeline.liveRepeats + visitor.timeline.conflicts).toBe(0);
        const holders = team.filter((a) => a.assigned.includes(conversationId));
        const held = holders.at(-1)?.timeline(conversationId);
        expect([...(held?.bySeq.keys() ?? [])].sort((a, b) => a - b)).toEqual(record.map((m) => m.seq));
        expect((held?.liveRepeats ?? 0) + (held?.conflicts ?? 0)).toBe(0);
        messages += record.length;
      }
      process.stdout.write(
        `chaos: ${messages} messages stored, 0 lost, 0 duplicated, ${CHAOS_VISITORS} conversations resumed\n`,
      );
      for (const client of [...team, ...visitors]) client.close();
    }, 300_000);
  });
});
