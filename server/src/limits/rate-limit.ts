/**
 * @module Counting with rate-limiter-flexible: one RateLimit is a few rules (burst, sustained)
 * counted under one name, in this process's memory or, with REDIS_URL, in Redis, so every process
 * behind the balancer counts together. Redis being away never opens the gate nor shuts it: each
 * Redis limiter has an in-memory twin that counts meanwhile (the library's insurance limiter).
 */
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from '../scale/redis-connection.ts';
import { KEY_PREFIX } from '../scale/redis-connection.ts';
import type { RateRule } from './rate-rule.ts';

/** Makes the library's limiter for one rule of a named limit. */
export type LimiterFactory = (name: string, rule: RateRule) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (name, rule) =>
  new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.seconds });

/**
 * Limiters in Redis through node-redis v5 (`useRedisPackage`: its `eval(script, { keys, arguments })`
 * and camel-cased multi commands). The command client fails at once while Redis is away (no
 * offline queue), and the insurance limiter counts in memory until it is back.
 */
export function redisLimiters(client: RedisClient): LimiterFactory {
  return (name, rule) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `${KEY_PREFIX}rl:${name}`,
      points: rule.points,
      duration: rule.seconds,
      insuranceLimiter: memoryLimiters(name, rule),
    });
}

/** Keys hold emails and addresses: they are stored hashed, in Redis as in memory. */
export const hashed = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 22);

export interface LimitHooks {
  /** The store failed and the insurance limiter did not answer either. */
  onError(error: unknown): void;
  /** A request was refused (metrics). */
  onLimited(name: string): void;
}

export class RateLimit {
  readonly #limiters: RateLimiterAbstract[];
  readonly #hooks: LimitHooks;

  constructor(
    readonly name: string,
    rules: readonly RateRule[],
    make: LimiterFactory,
    hooks: LimitHooks,
  ) {
    this.#limiters = rules.map((rule) => make(`${name}:${rule.points}/${rule.seconds}`, rule));
    this.#hooks = hooks;
  }

  /** Counts one for `key`: 0 when every rule still allows it, else milliseconds until all will. */
  async consume(key: string): Promise<number> {
    const waits = await Promise.all(
      this.#limiters.map((limiter) =>
        limiter.consume(hashed(key)).then(
          () => 0,
          (rejection: unknown) => this.#waitOf(rejection),
        ),
      ),
    );
    const waitMs = Math.max(0, ...waits);
    if (waitMs > 0) this.#hooks.onLimited(this.name);
    return waitMs;
  }

  /** Whether `key` is over the limit now, without counting: milliseconds to wait, or 0. */
  async peek(key: string): Promise<number> {
    const waits = await Promise.all(
      this.#limiters.map((limiter) =>
        limiter.get(hashed(key)).then(
          (res) => (res && res.consumedPoints >= limiter.points ? Math.max(1, res.msBeforeNext) : 0),
          (error: unknown) => this.#waitOf(error),
        ),
      ),
    );
    return Math.max(0, ...waits);
  }

  #waitOf(rejection: unknown): number {
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    // a store failure the insurance limiter did not absorb: let the request through rather than
    // refuse everyone, and say so
    this.#hooks.onError(rejection);
    return 0;
  }
}
