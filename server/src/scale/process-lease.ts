/**
 * @module A process's lease in Redis: a key that lives `ttlSeconds` unless renewed, renewed three
 * times per TTL. Every renewal also looks for processes whose lease has run out (a SIGKILL, a
 * frozen machine) and hands them to the reapers, which take their agents and visitors offline.
 * When this process finds its own lease gone (Redis restarted empty, or it was frozen long enough
 * to be reaped), the restorers write its connections back.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { KEY_PREFIX, type RedisClient } from './redis-connection.ts';

export interface LeaseParticipant {
  /** Removes a (dead or leaving) process's entries; must be atomic and safe to run twice. */
  reap(processId: string, options: { onlyIfDead: boolean }): Promise<void>;
  /** Writes this process's entries again; `force` after they were lost, else only what failed to write. */
  restore(force: boolean): Promise<void>;
}

export class ProcessLease {
  readonly id = randomUUID();
  /**
   * Starts every key of this lease and of its participants: processes with the same prefix share
   * presence (KEY_PREFIX in production; a test gives each of its Redis "clusters" its own).
   */
  readonly keyPrefix: string;
  readonly #processesKey: string;
  readonly #redis: RedisClient;
  readonly #ttlSeconds: number;
  readonly #logger: Logger;
  readonly #participants: LeaseParticipant[] = [];
  readonly #peerLostListeners: Array<(processId: string) => void> = [];
  #timer: NodeJS.Timeout | undefined;
  #renewing: Promise<void> | undefined;

  constructor(redis: RedisClient, options: { ttlSeconds: number; logger: Logger; keyPrefix?: string }) {
    this.keyPrefix = options.keyPrefix ?? KEY_PREFIX;
    this.#processesKey = `${this.keyPrefix}processes`;
    this.#redis = redis;
    this.#ttlSeconds = options.ttlSeconds;
    this.#logger = options.logger;
  }

  /** The key that lives while the process renews its lease. */
  aliveKey(processId: string): string {
    return `${this.keyPrefix}alive:${processId}`;
  }

  join(participant: LeaseParticipant): void {
    this.#participants.push(participant);
  }

  /** Called in the process that reaped a dead peer, once per peer. */
  onPeerLost(listener: (processId: string) => void): void {
    this.#peerLostListeners.push(listener);
  }

  async start(): Promise<void> {
    await this.renew();
    this.#timer = setInterval(() => void this.renew(), (this.#ttlSeconds * 1000) / 3);
    this.#timer.unref();
  }

  /** One renewal and one look for dead processes; overlapping calls share the one running. */
  renew(): Promise<void> {
    this.#renewing ??= this.#renew()
      .catch((error: unknown) => this.#logger.warn('presence lease not renewed; retrying', { error }))
      .finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #renew(): Promise<void> {
    const previous = await this.#redis.sendCommand([
      'SET',
      this.aliveKey(this.id),
      '1',
      'EX',
      String(this.#ttlSeconds),
      'GET',
    ]);
    await this.#redis.sAdd(this.#processesKey, this.id);
    // No previous value: Redis forgot us (restart) or another process reaped us; write everything back.
    const lost = previous === null;
    for (const participant of this.#participants) await participant.restore(lost);
    for (const processId of await this.#redis.sMembers(this.#processesKey)) {
      if (processId === this.id || (await this.#redis.exists(this.aliveKey(processId))) === 1) continue;
      this.#logger.warn('a Parley process stopped renewing its lease; taking its connections offline', { processId });
      for (const participant of this.#participants) await participant.reap(processId, { onlyIfDead: true });
      // SREM answers 1 to one process only: the one that tells the others
      if ((await this.#redis.sRem(this.#processesKey, processId)) === 1)
        for (const listener of this.#peerLostListeners) listener(processId);
    }
  }

  /** Leaving for good (graceful shutdown): our connections go offline now rather than after the TTL. */
  async release(): Promise<void> {
    clearInterval(this.#timer);
    await this.#renewing;
    for (const participant of this.#participants) await participant.reap(this.id, { onlyIfDead: false });
    await this.#redis.del(this.aliveKey(this.id));
    await this.#redis.sRem(this.#processesKey, this.id);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
