/**
 * @module The Redis connections of one process: a command client (presence, publishing) and a
 * subscriber for the Socket.IO adapter. node-redis reconnects by itself and re-subscribes what the
 * subscriber had (socket.io#4845 was about older clients losing that); `ready()` proves it with a
 * round trip through the subscriber, and `onResubscribed` says when it came back after a loss, so
 * the process can send its clients to catch up on what Pub/Sub dropped meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { createClient } from 'redis';
import type { Logger } from '../logger.ts';

export type RedisClient = ReturnType<typeof createClient>;

/** Every key and channel of Parley's: one hash tag keeps them in one slot should Redis be a cluster. */
export const KEY_PREFIX = 'parley:{p}:';

export interface RedisConnection {
  commands: RedisClient;
  subscriber: RedisClient;
  /** Resolves when a message published now comes back through the subscriber within `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Called after the subscriber reconnected and is delivering again. */
  onResubscribed(listener: () => void): void;
  close(): Promise<void>;
}

export async function connectRedis(
  url: string,
  logger: Logger,
  onError: () => void = () => undefined,
): Promise<RedisConnection> {
  // Commands fail at once while Redis is away rather than queue up behind it: presence keeps a
  // local copy and writes it back on reconnect (see redis-*-presence.ts).
  // loaded only when REDIS_URL is set: a single process never pays for the client
  const { createClient } = await import('redis');
  const commands: RedisClient = createClient({ url, disableOfflineQueue: true });
  const subscriber: RedisClient = createClient({ url });
  let lastError = '';
  for (const [name, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: unknown) => {
      onError();
      const message = error instanceof Error ? error.message : String(error);
      // a reconnect loop repeats the same error every attempt: log it once
      if (message !== lastError) logger.warn('redis connection error; reconnecting', { client: name, error: message });
      lastError = message;
    });
  }
  await Promise.all([commands.connect(), subscriber.connect()]);

  const probeChannel = `${KEY_PREFIX}probe:${randomUUID()}`;
  const waiting = new Map<string, () => void>();
  await subscriber.subscribe(probeChannel, (nonce) => waiting.get(nonce)?.());

  const ready = async (timeoutMs = 2000): Promise<void> => {
    const nonce = randomUUID();
    const arrived = new Promise<void>((resolve) => waiting.set(nonce, resolve));
    const deadline = Date.now() + timeoutMs;
    try {
      // publish again until it arrives: right after a reconnect the subscription may still be on its way
      while (Date.now() < deadline) {
        await commands.publish(probeChannel, nonce).catch(() => 0);
        const came = await Promise.race([arrived.then(() => true), delay(100).then(() => false)]);
        if (came) return;
      }
      throw new Error('Redis Pub/Sub did not answer');
    } finally {
      waiting.delete(nonce);
    }
  };

  const listeners: Array<() => void> = [];
  // Registered after connect() resolved, so the first 'ready' has already gone by: every one heard
  // here is a reconnect. (Counting them and skipping the first skipped the first reconnect, and the
  // clients never caught up on what Pub/Sub dropped during the first Redis restart.)
  subscriber.on('ready', () => {
    lastError = '';
    ready(10_000).then(
      () => {
        logger.info('redis subscriber is back');
        for (const listener of listeners) listener();
      },
      (error: unknown) => logger.error('redis subscriber reconnected but does not deliver', { error }),
    );
  });

  return {
    commands,
    subscriber,
    ready,
    onResubscribed: (listener) => listeners.push(listener),
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
