/**
 * @module Scenario 4: assignment across processes. Agents and visitors are dealt round-robin over N
 * Parley processes on one PostgreSQL and one Redis. Every visitor sends its first message at once;
 * we time until agents have heard every assignment. Then more visitors queue behind the full
 * seats, every agent closes one chat at once, and we time each agent's close → its next assignment.
 * There is no bare baseline for routing: the figures are Parley's own.
 */
import { figure, notRun, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startParley } from '../harness/parley.ts';
import { createAgents, demoSite, signInAdmin } from '../harness/parley-setup.ts';
import { createDatabase, postgresAvailable } from '../harness/postgres.ts';
import { redisAvailable, startRedis } from '../harness/redis.ts';
import type { ServerProcess } from '../harness/server-process.ts';
import { deal, startWorkers, type WorkerPool } from '../clients/worker-pool.ts';
import type { Assignment, StartResult } from '../clients/protocol.ts';
import { percentile } from '../percentiles.ts';
import { waitForAssignments } from './load-targets.ts';

const SCENARIO = '4 assignment';

function figureNames(visitors: number) {
  return [
    { name: `time to assign ${visitors} arrivals`, unit: 'ms', target: null },
    { name: 'p99 wait after capacity frees', unit: 'ms', target: null },
  ];
}

async function allAssignments(pool: WorkerPool): Promise<Assignment[]> {
  return (await pool.all<Assignment[]>(() => ({ type: 'assignments' }))).flat();
}

export async function assignment(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const { visitors, agents, processes, queuedVisitors } = settings.assignment;
  const names = figureNames(visitors);
  const missing = [redisAvailable() ? '' : 'redis-server', (await postgresAvailable()) ? '' : 'PostgreSQL'].filter(
    Boolean,
  );
  if (missing.length > 0) return notRun(SCENARIO, names, `needs ${missing.join(' and ')}`);
  const capacity = Math.ceil(visitors / agents);
  log(`4: ${visitors} visitors at once, ${agents} agents (capacity ${capacity}) over ${processes} processes`);
  const redis = await startRedis();
  const database = await createDatabase();
  const servers: ServerProcess[] = [];
  const pool = startWorkers(settings.workers);
  try {
    for (let p = 0; p < processes; p++) {
      servers.push(await startParley({ name: `parley-${p}`, databaseUrl: database.url, redisUrl: redis.url }));
    }
    const urlOf = (i: number) => servers[i % servers.length]?.url ?? '';
    const admin = await signInAdmin(urlOf(0));
    const site = await demoSite(urlOf(0), admin);
    const created = await createAgents(urlOf(0), admin, agents, capacity, `assign${Date.now()}`);
    const agentShares = deal(
      created.map((a, i) => ({ key: a.key, url: urlOf(i), cookie: a.cookie })),
      settings.workers,
    );
    await pool.all((w) => ({ type: 'connect-agents', dialect: 'parley', agents: agentShares[w] ?? [] }));
    const arrivals = deal(
      Array.from({ length: visitors }, (_, i) => ({ key: `v${i}`, url: urlOf(i) })),
      settings.workers,
    );
    await pool.all(
      (w) => ({ type: 'connect-visitors', dialect: 'parley', visitors: arrivals[w] ?? [], ...site }),
      300_000,
    );

    const started = await pool.all<StartResult>(() => ({ type: 'start-conversations' }));
    const heard = await waitForAssignments(pool, visitors, settings.assignTimeoutMs);
    const firstSentAt = Math.min(...started.map((s) => s.firstSentAt));
    const firstRound = await allAssignments(pool);
    if (heard < visitors) {
      return notRun(
        SCENARIO,
        names,
        `needs REDIS_URL support: agents heard ${heard} of ${visitors} assignments within ${settings.assignTimeoutMs} ms`,
      );
    }
    const timeToAssignAll = Math.max(...firstRound.map((a) => a.at)) - firstSentAt;
    const invariants = checkInvariants(firstRound, capacity);

    // the seats are full: these queue until someone frees one (connected on their own pool, so their
    // first messages are not counted as the arrivals above)
    const queuedPool = startWorkers(1);
    try {
      const queued = Array.from({ length: queuedVisitors }, (_, i) => ({ key: `q${i}`, url: urlOf(i) }));
      await queuedPool.all(() => ({ type: 'connect-visitors', dialect: 'parley', visitors: queued, ...site }));
      await queuedPool.all(() => ({ type: 'start-conversations' }));
      await pool.all(() => ({ type: 'close-one' }));
      const reassigned = await waitForAssignments(
        pool,
        visitors + Math.min(queuedVisitors, agents),
        settings.assignTimeoutMs,
      );
      const waits = (await allAssignments(pool)).flatMap((a) => (a.freedAt === undefined ? [] : [a.at - a.freedAt]));
      const note = [
        invariants,
        reassigned < visitors + Math.min(queuedVisitors, agents) ? 'not every freed seat was refilled' : '',
      ]
        .filter(Boolean)
        .join('; ');
      return [
        figure({
          scenario: SCENARIO,
          name: names[0]?.name ?? '',
          unit: 'ms',
          parley: timeToAssignAll,
          baseline: null,
          target: null,
          ...(note ? { note } : {}),
        }),
        figure({
          scenario: SCENARIO,
          name: names[1]?.name ?? '',
          unit: 'ms',
          parley: percentile(waits, 99),
          baseline: null,
          target: null,
        }),
      ];
    } finally {
      await queuedPool.all(() => ({ type: 'disconnect' })).catch(() => undefined);
      await queuedPool.close();
    }
  } finally {
    await pool.all(() => ({ type: 'disconnect' })).catch(() => undefined);
    await pool.close();
    await Promise.all(servers.map((server) => server.stop()));
    redis.stop();
    await database.drop();
  }
}

/** What must hold whatever the timing: each conversation assigned once, no agent past capacity. */
function checkInvariants(assignments: Assignment[], capacity: number): string {
  const problems: string[] = [];
  const conversations = new Set(assignments.map((a) => a.conversationId));
  if (conversations.size !== assignments.length)
    problems.push(`${assignments.length - conversations.size} conversations assigned twice`);
  const perAgent = new Map<string, number>();
  for (const a of assignments) perAgent.set(a.agentKey, (perAgent.get(a.agentKey) ?? 0) + 1);
  const over = [...perAgent.values()].filter((n) => n > capacity).length;
  if (over > 0) problems.push(`${over} agents over capacity`);
  return problems.join('; ');
}
