/**
 * @module Visitor→agent pairs in active conversations on a system under test, and the load phases
 * run against them. The baseline gets the same topology as Parley: the same visitors, the same
 * agents, each agent holding the same number of pairs, on the same server processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deal, startWorkers, type WorkerPool } from '../clients/worker-pool.ts';
import {
  epochNow,
  type AgentSpec,
  type Assignment,
  type LoadPhase,
  type LoadResult,
  type StartResult,
  type VisitorSpec,
} from '../clients/protocol.ts';
import type { ServerProcess } from '../harness/server-process.ts';
import { createAgents, demoSite, signInAdmin } from '../harness/parley-setup.ts';

export interface PairsOptions {
  pairs: number;
  agents: number;
  workers: number;
  /** Index into `servers` for the visitors' and the agents' connections. */
  visitorServer: number;
  agentServer: number;
}

export interface LoadTarget {
  pool: WorkerPool;
  servers: ServerProcess[];
  pairs: number;
  close(): Promise<void>;
}

/** Cross-process Parley without working REDIS_URL support never gets conversations to remote agents. */
export class NeedsScaleSupport extends Error {}

export async function barePairs(servers: ServerProcess[], options: PairsOptions): Promise<LoadTarget> {
  const { pairs, agents, workers } = options;
  const pool = startWorkers(workers);
  const agentSpecs: AgentSpec[] = Array.from({ length: agents }, (_, a) => ({
    key: `a${a}`,
    url: serverUrl(servers, options.agentServer),
    rooms: Array.from({ length: pairs }, (_, i) => i)
      .filter((i) => i % agents === a)
      .map((i) => `r${i}`),
  }));
  const visitorSpecs: VisitorSpec[] = Array.from({ length: pairs }, (_, i) => ({
    key: `v${i}`,
    url: serverUrl(servers, options.visitorServer),
    room: `r${i}`,
  }));
  const agentShares = deal(agentSpecs, workers);
  const visitorShares = deal(visitorSpecs, workers);
  return closingOnError(pool, async () => {
    await pool.all((w) => ({ type: 'connect-agents', dialect: 'bare', agents: agentShares[w] ?? [] }));
    await pool.all((w) => ({ type: 'connect-visitors', dialect: 'bare', visitors: visitorShares[w] ?? [] }));
    return { pool, servers, pairs, close: () => closePool(pool) };
  });
}

/** A setup step that fails must not leave its load generators running. */
async function closingOnError<T>(pool: WorkerPool, setUp: () => Promise<T>): Promise<T> {
  try {
    return await setUp();
  } catch (error) {
    await closePool(pool);
    throw error;
  }
}

export async function parleyPairs(
  servers: ServerProcess[],
  options: PairsOptions & { assignTimeoutMs: number },
): Promise<LoadTarget> {
  const { pairs, agents, workers } = options;
  const first = serverUrl(servers, 0);
  const admin = await signInAdmin(first);
  const site = await demoSite(first, admin);
  const capacity = Math.ceil(pairs / agents);
  if (capacity > 50) throw new Error(`${pairs} pairs need more than ${agents} agents (capacity is at most 50)`);
  const created = await createAgents(first, admin, agents, capacity, `pairs${Date.now()}`);
  const pool = startWorkers(workers);
  const agentShares = deal(
    created.map((agent) => ({ key: agent.key, url: serverUrl(servers, options.agentServer), cookie: agent.cookie })),
    workers,
  );
  const visitorShares = deal(
    Array.from({ length: pairs }, (_, i) => ({ key: `v${i}`, url: serverUrl(servers, options.visitorServer) })),
    workers,
  );
  return closingOnError(pool, async () => {
    await pool.all((w) => ({ type: 'connect-agents', dialect: 'parley', agents: agentShares[w] ?? [] }));
    await pool.all((w) => ({ type: 'connect-visitors', dialect: 'parley', visitors: visitorShares[w] ?? [], ...site }));
    const started = await pool.all<StartResult>(() => ({ type: 'start-conversations' }));
    const failed = started.reduce((sum, s) => sum + s.failed, 0);
    if (failed > 0) throw new Error(`${failed} visitors could not start a conversation`);
    const heard = await waitForAssignments(pool, pairs, options.assignTimeoutMs);
    if (heard < pairs) {
      throw new NeedsScaleSupport(`agents heard ${heard} of ${pairs} assignments within ${options.assignTimeoutMs} ms`);
    }
    return { pool, servers, pairs, close: () => closePool(pool) };
  });
}

/** Polls the workers until their agents have heard `count` assignments or the time is up; returns how many. */
export async function waitForAssignments(pool: WorkerPool, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const heard = (await pool.all<Assignment[]>(() => ({ type: 'assignments' }))).reduce(
      (sum, list) => sum + list.length,
      0,
    );
    if (heard >= count || Date.now() > deadline) return heard;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PhaseOutcome {
  /** Messages per second agents received during the measured interval. */
  throughput: number;
  latencies: number[];
  sent: number;
  failed: number;
  /** CPU of the server processes during the measured interval, per message received. */
  cpuMicrosPerMessage: number | null;
}

export interface PhaseTiming {
  warmupMs: number;
  measureMs: number;
}

/** PARLEY_BENCH_PROFILE_DIR: each server writes a CPU profile of each measured interval there. */
const profileDir = process.env.PARLEY_BENCH_PROFILE_DIR;

export async function runPhase(
  target: LoadTarget,
  load: { mode: 'closed'; window: number } | { mode: 'open'; totalRate: number },
  timing: PhaseTiming,
  label: string,
): Promise<PhaseOutcome> {
  const startAt = epochNow() + 300;
  const phase: LoadPhase = {
    mode: load.mode,
    window: load.mode === 'closed' ? load.window : 0,
    ratePerVisitor: load.mode === 'open' ? load.totalRate / target.pairs : 0,
    startAt,
    measureFrom: startAt + timing.warmupMs,
    measureTo: startAt + timing.warmupMs + timing.measureMs,
    stopAt: startAt + timing.warmupMs + timing.measureMs,
  };
  const results = target.pool.all<LoadResult>(
    () => ({ type: 'load', phase }),
    timing.warmupMs + timing.measureMs + 60_000,
  );
  await sleepUntil(phase.measureFrom);
  if (profileDir) await Promise.all(target.servers.map((server) => server.startProfile()));
  const cpuBefore = await totalCpu(target.servers);
  await sleepUntil(phase.measureTo);
  const cpuAfter = await totalCpu(target.servers);
  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    await Promise.all(
      target.servers.map((server) =>
        server.stopProfile(path.resolve(profileDir, `${label}-${load.mode}-${server.name}.cpuprofile`)),
      ),
    );
  }
  const merged = (await results).reduce(
    (sum, r) => ({
      sent: sum.sent + r.sent,
      failed: sum.failed + r.failed,
      delivered: sum.delivered + r.deliveredInWindow,
      latencies: sum.latencies.concat(r.latencies),
    }),
    { sent: 0, failed: 0, delivered: 0, latencies: [] as number[] },
  );
  return {
    throughput: merged.delivered / (timing.measureMs / 1000),
    latencies: merged.latencies,
    sent: merged.sent,
    failed: merged.failed,
    cpuMicrosPerMessage: merged.delivered > 0 ? (cpuAfter - cpuBefore) / merged.delivered : null,
  };
}

async function totalCpu(servers: ServerProcess[]): Promise<number> {
  const stats = await Promise.all(servers.map((server) => server.stats()));
  return stats.reduce((sum, s) => sum + s.cpuMicros, 0);
}

const sleepUntil = (at: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - epochNow())));

function serverUrl(servers: ServerProcess[], index: number): string {
  const server = servers[index];
  if (!server) throw new Error(`no server #${index}`);
  return server.url;
}

async function closePool(pool: WorkerPool): Promise<void> {
  await pool.all(() => ({ type: 'disconnect' })).catch(() => undefined);
  await pool.close();
}
