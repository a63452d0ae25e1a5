/**
 * @module Redis presence "processes" for tests: each has its own Redis client, lease and presences,
 * as a Parley process does, and all processes of one network share a key prefix of their own on the
 * Redis at PARLEY_TEST_REDIS_URL, so suites running at once share the server and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { createLogger } from '../../src/logger.ts';
import type { RedisClient } from '../../src/scale/redis-connection.ts';
import { ProcessLease } from '../../src/scale/process-lease.ts';
import { RedisAgentPresence } from '../../src/scale/redis-agent-presence.ts';
import { RedisVisitorPresence } from '../../src/scale/redis-visitor-presence.ts';

export interface PresenceProcess {
  agents: RedisAgentPresence;
  visitors: RedisVisitorPresence;
  /** Starts renewing the lease (every third of its TTL), as a starting process does. */
  start(): Promise<void>;
  /** One renewal now, as the timer would. */
  renew(): Promise<void>;
  /** Dies without a goodbye: the lease stops being renewed and runs out after its TTL. */
  crash(): void;
  /** Leaves for good (graceful shutdown): its connections go offline now. */
  leave(): Promise<void>;
}

export interface PresenceNetwork {
  join(options?: { ttlSeconds?: number }): Promise<PresenceProcess>;
  /** Every key of the network gone, as after a Redis restart without persistence. */
  forget(): Promise<void>;
  close(): Promise<void>;
}

export async function redisPresenceNetwork(url: string): Promise<PresenceNetwork> {
  // the production prefix's hash tag, so the keys would share a slot on a cluster as they do there
  const keyPrefix = `parley:{p}:test-${randomUUID()}:`;
  const logger = createLogger('silent');
  const clients: RedisClient[] = [];
  const leases: ProcessLease[] = [];
  const connect = async (): Promise<RedisClient> => {
    const client: RedisClient = createClient({ url, disableOfflineQueue: true });
    clients.push(client);
    await client.connect();
    return client;
  };
  const admin = await connect();
  const forget = async () => {
    for await (const keys of admin.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 100 })) {
      if (keys.length > 0) await admin.del(keys);
    }
  };

  return {
    async join({ ttlSeconds = 30 } = {}) {
      const redis = await connect();
      const lease = new ProcessLease(redis, { ttlSeconds, logger, keyPrefix });
      leases.push(lease);
      return {
        agents: new RedisAgentPresence(redis, lease),
        visitors: new RedisVisitorPresence(redis, lease),
        start: () => lease.start(),
        renew: () => lease.renew(),
        crash: () => lease.stop(),
        leave: () => lease.release(),
      };
    },
    forget,
    async close() {
      for (const lease of leases) lease.stop();
      await forget();
      await Promise.allSettled(clients.map((client) => client.quit()));
    },
  };
}
