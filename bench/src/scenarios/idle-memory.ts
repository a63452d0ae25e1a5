/**
 * @module Scenario 3: memory per idle visitor connection. A fresh server, a settled (GC'd) reading,
 * N visitors connect and do what the widget does on connect (Parley: session:resume; baseline: one
 * acked hello), a second settled reading; the difference over N. Also Parley's whole RSS with N
 * visitors, against the 300 MB budget for 10k.
 */
import { figure, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startParley } from '../harness/parley.ts';
import { startRelay } from '../harness/relay.ts';
import { demoSite, signInAdmin } from '../harness/parley-setup.ts';
import type { ProcessStats, ServerProcess } from '../harness/server-process.ts';
import { deal, startWorkers } from '../clients/worker-pool.ts';
import type { Dialect } from '../clients/protocol.ts';

interface IdleReading {
  before: ProcessStats;
  after: ProcessStats;
}

async function idleVisitors(
  server: ServerProcess,
  dialect: Dialect,
  visitors: number,
  workers: number,
  site?: { siteKey: string; origin: string },
): Promise<IdleReading> {
  const pool = startWorkers(workers);
  try {
    const before = await server.stats({ gc: true });
    const shares = deal(
      Array.from({ length: visitors }, (_, i) => ({ key: `v${i}`, url: server.url })),
      workers,
    );
    await pool.all((w) => ({ type: 'connect-visitors', dialect, visitors: shares[w] ?? [], ...(site ?? {}) }), 300_000);
    // let the connections' first timers and buffers settle before the second reading
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await server.stats({ gc: true });
    await pool.all(() => ({ type: 'disconnect' }));
    return { before, after };
  } finally {
    await pool.close();
  }
}

const SCENARIO = '3 idle memory';
const KB = 1024;
const MB = 1024 * 1024;

export async function idleMemory(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const { visitors } = settings.idle;
  log(`3: ${visitors} idle visitors on a fresh process each`);
  const relay = await startRelay({ name: 'relay' });
  let bare: IdleReading;
  try {
    bare = await idleVisitors(relay, 'bare', visitors, settings.workers);
  } finally {
    await relay.stop();
  }
  const parley = await startParley({ name: 'parley' });
  let ours: IdleReading;
  try {
    const site = await demoSite(parley.url, await signInAdmin(parley.url));
    ours = await idleVisitors(parley, 'parley', visitors, settings.workers, site);
  } finally {
    await parley.stop();
  }
  const per = (r: IdleReading, key: 'rss' | 'heapUsed') => (r.after[key] - r.before[key]) / visitors / KB;
  return [
    figure({
      scenario: SCENARIO,
      name: 'RSS per idle visitor',
      unit: 'KB',
      parley: per(ours, 'rss'),
      baseline: per(bare, 'rss'),
      target: { of: 'ratio', op: '<=', limit: 1.3 },
    }),
    figure({
      scenario: SCENARIO,
      name: 'heap per idle visitor',
      unit: 'KB',
      parley: per(ours, 'heapUsed'),
      baseline: per(bare, 'heapUsed'),
      target: null,
    }),
    figure({
      scenario: SCENARIO,
      name: `process RSS, ${visitors} idle visitors`,
      unit: 'MB',
      parley: ours.after.rss / MB,
      baseline: bare.after.rss / MB,
      target: visitors >= 10_000 ? { of: 'value', op: '<=', limit: 300 } : null,
      ...(visitors < 10_000 ? { note: 'the 300 MB target is for 10k visitors' } : {}),
    }),
  ];
}
