/**
 * @module Scenarios 1 and 2: visitor→agent delivery including Parley's durable write, against a bare
 * Socket.IO room relay with the same topology. Throughput first (closed loop, every visitor keeps
 * its window in flight), then latency at one fixed open-loop load for both: a share of the lower
 * throughput, so neither side is measured in saturation.
 */
import { percentile } from '../percentiles.ts';
import { figure, notRun, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startParley } from '../harness/parley.ts';
import { startRelay } from '../harness/relay.ts';
import { createDatabase, postgresAvailable } from '../harness/postgres.ts';
import { redisAvailable, startRedis } from '../harness/redis.ts';
import type { ServerProcess } from '../harness/server-process.ts';
import {
  NeedsScaleSupport,
  barePairs,
  parleyPairs,
  runPhase,
  type LoadTarget,
  type PhaseOutcome,
} from './load-targets.ts';

interface Measured {
  throughput: PhaseOutcome;
  latency: PhaseOutcome;
}

export async function measureBoth(
  label: string,
  bare: LoadTarget,
  parley: LoadTarget,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<{ bare: Measured; parley: Measured }> {
  const closed = { mode: 'closed', window: settings.window } as const;
  const bareThroughput = await runPhase(bare, closed, settings.throughput, `${label}-baseline`);
  log(`  baseline throughput ${bareThroughput.throughput.toFixed(0)} msg/s`);
  const parleyThroughput = await runPhase(parley, closed, settings.throughput, `${label}-parley`);
  log(`  parley throughput ${parleyThroughput.throughput.toFixed(0)} msg/s`);
  const totalRate = Math.max(
    1,
    settings.latencyLoadShare * Math.min(bareThroughput.throughput, parleyThroughput.throughput),
  );
  log(`  latency at ${totalRate.toFixed(0)} msg/s for both`);
  const open = { mode: 'open', totalRate } as const;
  const bareLatency = await runPhase(bare, open, settings.latency, `${label}-baseline`);
  const parleyLatency = await runPhase(parley, open, settings.latency, `${label}-parley`);
  return {
    bare: { throughput: bareThroughput, latency: bareLatency },
    parley: { throughput: parleyThroughput, latency: parleyLatency },
  };
}

export function deliveryFigures(
  scenario: string,
  m: { bare: Measured; parley: Measured },
  targets: { p99?: number; throughput?: number; cpu?: number },
): Figure[] {
  const failures = m.parley.throughput.failed + m.parley.latency.failed;
  const note = failures > 0 ? `${failures} sends refused` : undefined;
  const p = (o: PhaseOutcome, q: number) => percentile(o.latencies, q);
  return [
    figure({
      scenario,
      name: 'p50 latency',
      unit: 'ms',
      parley: p(m.parley.latency, 50),
      baseline: p(m.bare.latency, 50),
      target: null,
    }),
    figure({
      scenario,
      name: 'p99 latency',
      unit: 'ms',
      parley: p(m.parley.latency, 99),
      baseline: p(m.bare.latency, 99),
      target: targets.p99 === undefined ? null : { of: 'ratio', op: '<=', limit: targets.p99 },
      ...(note ? { note } : {}),
    }),
    figure({
      scenario,
      name: 'throughput',
      unit: 'msg/s',
      parley: m.parley.throughput.throughput,
      baseline: m.bare.throughput.throughput,
      target: targets.throughput === undefined ? null : { of: 'ratio', op: '>=', limit: targets.throughput },
    }),
    figure({
      scenario,
      name: 'CPU per message',
      unit: 'µs',
      parley: m.parley.throughput.cpuMicrosPerMessage,
      baseline: m.bare.throughput.cpuMicrosPerMessage,
      target: targets.cpu === undefined ? null : { of: 'ratio', op: '<=', limit: targets.cpu },
    }),
  ];
}

const SAME = '1 same-process';
const CROSS = '2 cross-process';

export async function sameProcessDelivery(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const { pairs, agents } = settings.sameProcess;
  const options = { pairs, agents, workers: settings.workers, visitorServer: 0, agentServer: 0 };
  const relay = await startRelay({ name: 'relay' });
  const parley = await startParley({ name: 'parley' });
  let bare: LoadTarget | undefined;
  let parleyTarget: LoadTarget | undefined;
  try {
    log(`1: ${pairs} pairs, ${agents} agents, one process each (Parley on SQLite)`);
    bare = await barePairs([relay], options);
    parleyTarget = await parleyPairs([parley], { ...options, assignTimeoutMs: settings.assignTimeoutMs });
    const measured = await measureBoth('s1', bare, parleyTarget, settings, log);
    return deliveryFigures(SAME, measured, { p99: 1.5, throughput: 0.6 });
  } finally {
    await bare?.close();
    await parleyTarget?.close();
    await Promise.all([relay.stop(), parley.stop()]);
  }
}

const CROSS_FIGURES = [
  { name: 'p50 latency', unit: 'ms', target: null },
  { name: 'p99 latency', unit: 'ms', target: { of: 'ratio', op: '<=', limit: 1.3 } },
  { name: 'throughput', unit: 'msg/s', target: null },
  { name: 'CPU per message', unit: 'µs', target: { of: 'ratio', op: '<=', limit: 1.5 } },
] as const;

export async function crossProcessDelivery(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const missing = [redisAvailable() ? '' : 'redis-server', (await postgresAvailable()) ? '' : 'PostgreSQL'].filter(
    Boolean,
  );
  if (missing.length > 0) return notRun(CROSS, [...CROSS_FIGURES], `needs ${missing.join(' and ')}`);
  const { pairs, agents } = settings.crossProcess;
  const options = { pairs, agents, workers: settings.workers, visitorServer: 0, agentServer: 1 };
  const redis = await startRedis();
  const database = await createDatabase();
  const servers: ServerProcess[] = [];
  let bare: LoadTarget | undefined;
  let parleyTarget: LoadTarget | undefined;
  try {
    log(`2: ${pairs} pairs, visitors on one process and ${agents} agents on another (PostgreSQL + Redis)`);
    const relays = [
      await startRelay({ name: 'relay-a', redisUrl: redis.url }),
      await startRelay({ name: 'relay-b', redisUrl: redis.url }),
    ];
    servers.push(...relays);
    // the first process migrates and bootstraps the database before the second opens it
    const first = await startParley({ name: 'parley-a', databaseUrl: database.url, redisUrl: redis.url });
    servers.push(first);
    const second = await startParley({ name: 'parley-b', databaseUrl: database.url, redisUrl: redis.url });
    servers.push(second);
    bare = await barePairs(relays, options);
    try {
      parleyTarget = await parleyPairs([first, second], { ...options, assignTimeoutMs: settings.assignTimeoutMs });
    } catch (error) {
      if (error instanceof NeedsScaleSupport) {
        return notRun(CROSS, [...CROSS_FIGURES], `needs REDIS_URL support: ${error.message}`);
      }
      throw error;
    }
    const measured = await measureBoth('s2', bare, parleyTarget, settings, log);
    return deliveryFigures(CROSS, measured, { p99: 1.3, cpu: 1.5 });
  } finally {
    await bare?.close();
    await parleyTarget?.close();
    await Promise.all(servers.map((server) => server.stop()));
    redis.stop();
    await database.drop();
  }
}
