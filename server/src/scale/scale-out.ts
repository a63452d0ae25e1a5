/**
 * @module What joins processes, chosen by REDIS_URL: without it one process with in-memory
 * presence; with it the Socket.IO Redis adapter (classic Pub/Sub: see the README for why not
 * sharded), presence in Redis with a lease per process, and a catch-up for clients after Redis
 * comes back (Pub/Sub is at-most-once: whatever was published meanwhile is gone, the record is not).
 */
import type { Server } from 'socket.io';
import type { ScaleConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { LocalAgentPresence, type AgentPresence } from './agent-presence.ts';
import { LocalVisitorPresence, type VisitorPresence } from './visitor-presence.ts';
import { connectRedis, type RedisClient } from './redis-connection.ts';
import { ProcessLease } from './process-lease.ts';
import { RedisAgentPresence } from './redis-agent-presence.ts';
import { RedisVisitorPresence } from './redis-visitor-presence.ts';
import { dropConnections } from './drop-connections.ts';

/** Server-side event: the sender reaped a dead process; every process sends its clients to catch up. */
const PEER_LOST = 'parley:peer-lost';

export interface ScaleOut {
  readonly mode: 'single' | 'redis';
  agentPresence: AgentPresence;
  visitorPresence: VisitorPresence;
  /** Redis's command client, for other state every process shares (rate limits); none for a single process. */
  redis: RedisClient | undefined;
  /** Joins the Socket.IO server to the other processes; call before it accepts connections. */
  attach(io: Server): void;
  /** Starts the lease (first renewal done when it resolves). */
  start(): Promise<void>;
  /** Resolves when fan-out to the other processes works now (a readiness check). */
  ready(): Promise<void>;
  /** Graceful shutdown: this process's agents and visitors go offline now, then Redis closes. */
  close(): Promise<void>;
}

/** `onRedisError` counts every Redis client error (the metrics' parley_redis_errors_total). */
export async function createScaleOut(
  config: ScaleConfig,
  logger: Logger,
  onRedisError?: () => void,
): Promise<ScaleOut> {
  if (!config.redisUrl) {
    return {
      mode: 'single',
      agentPresence: new LocalAgentPresence(),
      visitorPresence: new LocalVisitorPresence(),
      redis: undefined,
      attach: () => undefined,
      start: () => Promise.resolve(),
      ready: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }
  // loaded only with REDIS_URL, like the client (redis-connection.ts)
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const redis = await connectRedis(config.redisUrl, logger, onRedisError);
  const lease = new ProcessLease(redis.commands, { ttlSeconds: config.presenceTtlSeconds, logger });
  let attached: Server | undefined;
  // Pub/Sub is at-most-once. Broadcasts published while Redis was away never arrive, and a process
  // that died between storing a message and publishing it never published it. Either way this
  // process's clients are sent to reconnect, which makes each catch up from its last seq: the
  // record in the database has everything that was acked.
  const catchUp = (reason: string) => {
    if (!attached) return;
    logger.info('clients reconnect to catch up', { reason, dropped: dropConnections(attached) });
  };
  redis.onResubscribed(() => {
    catchUp('redis is back');
    void lease.renew();
  });
  lease.onPeerLost((processId) => {
    attached?.serverSideEmit(PEER_LOST, processId);
    catchUp('a process died');
  });
  return {
    mode: 'redis',
    agentPresence: new RedisAgentPresence(redis.commands, lease),
    visitorPresence: new RedisVisitorPresence(redis.commands, lease),
    redis: redis.commands,
    attach(io) {
      attached = io;
      io.adapter(createAdapter(publisherOf(redis.commands), redis.subscriber, { key: 'parley' }));
      io.on(PEER_LOST, () => catchUp('a process died'));
    },
    start: () => lease.start(),
    ready: () => redis.ready(),
    async close() {
      await lease
        .release()
        .catch((error: unknown) => logger.warn('presence not released; the lease expires instead', { error }));
      await redis.close();
    },
  };
}

/**
 * The adapter publishes without catching; while Redis is away the command client fails at once
 * (no offline queue), which would be an unhandled rejection. A lost publish is what Pub/Sub does
 * anyway, and the catch-up after reconnect covers it.
 */
function publisherOf(client: RedisClient): RedisClient {
  return new Proxy(client, {
    get(target, key) {
      if (key === 'publish') {
        return (channel: string, message: string | Buffer) => target.publish(channel, message).catch(() => 0);
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
