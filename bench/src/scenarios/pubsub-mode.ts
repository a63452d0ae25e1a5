/**
 * @module Scenario 5: which Redis Pub/Sub mode Parley's processes should share, classic or sharded
 * (issue 7: "sharded Pub/Sub on Redis 7 if it measures better"). Both sides are bare relays in
 * scenario 2's topology (visitors on one process, agents on another, one Redis): classic Pub/Sub is
 * the baseline column and sharded Pub/Sub (`createShardedAdapter`, a channel per room) the measured
 * one, so a ratio below 1 means sharded is better. Parley itself is not involved.
 */
import { notRun, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startRelay } from '../harness/relay.ts';
import { redisAvailable, startRedis } from '../harness/redis.ts';
import type { ServerProcess } from '../harness/server-process.ts';
import { barePairs, type LoadTarget } from './load-targets.ts';
import { deliveryFigures, measureBoth } from './delivery.ts';

const MODE = '5 pubsub mode';
const NOTE = 'sharded relay ÷ classic relay';

export async function pubsubMode(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  if (!redisAvailable()) {
    return notRun(
      MODE,
      ['p50 latency', 'p99 latency', 'throughput', 'CPU per message'].map((name) => ({ name, unit: '', target: null })),
      'needs redis-server',
    );
  }
  const { pairs, agents } = settings.crossProcess;
  const options = { pairs, agents, workers: settings.workers, visitorServer: 0, agentServer: 1 };
  const redis = await startRedis();
  const servers: ServerProcess[] = [];
  let classic: LoadTarget | undefined;
  let sharded: LoadTarget | undefined;
  try {
    log(`5: ${pairs} pairs over two bare relays each, classic against sharded Pub/Sub on one Redis`);
    const classicRelays = [
      await startRelay({ name: 'classic-a', redisUrl: redis.url, pubsub: 'classic' }),
      await startRelay({ name: 'classic-b', redisUrl: redis.url, pubsub: 'classic' }),
    ];
    const shardedRelays = [
      await startRelay({ name: 'sharded-a', redisUrl: redis.url, pubsub: 'sharded' }),
      await startRelay({ name: 'sharded-b', redisUrl: redis.url, pubsub: 'sharded' }),
    ];
    servers.push(...classicRelays, ...shardedRelays);
    classic = await barePairs(classicRelays, options);
    sharded = await barePairs(shardedRelays, options);
    const measured = await measureBoth('s5', classic, sharded, settings, log);
    return deliveryFigures(MODE, measured, {}).map((f) => ({ ...f, note: f.note ? `${NOTE}; ${f.note}` : NOTE }));
  } finally {
    await classic?.close();
    await sharded?.close();
    await Promise.all(servers.map((server) => server.stop()));
    redis.stop();
  }
}
