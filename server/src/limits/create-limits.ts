/**
 * @module Builds every limit from LimitsConfig: in memory, or in Redis when the process is one of
 * several (REDIS_URL), and the TRUST_PROXY function express and the socket handshakes share.
 */
import type { Router } from 'express';
import type { SignInBudgets } from '../domain/login-throttle.ts';
import type { Logger } from '../logger.ts';
import type { RedisClient } from '../scale/redis-connection.ts';
import { compileTrust, type TrustFunction } from './client-address.ts';
import { httpLimits } from './http-limits.ts';
import type { LimitsConfig } from './limits-config.ts';
import { memoryLimiters, RateLimit, redisLimiters, type LimitHooks } from './rate-limit.ts';
import type { RateRule } from './rate-rule.ts';
import { signInBudgets } from './sign-in-budgets.ts';
import { SocketLimits } from './socket-limits.ts';

export interface Limits {
  /** For express's `trust proxy` and the handshakes: which X-Forwarded-For hops to believe. */
  trust: TrustFunction;
  /** Undefined with RATE_LIMITS=off. */
  signIn: SignInBudgets | undefined;
  http: Router;
  sockets: SocketLimits;
  /** Uploads, per visitor (counted before the body is read). */
  uploads: RateLimit;
  /** Help center searches and votes, per address. */
  help: { search: RateLimit; votes: RateLimit };
  /** Public API requests, per token (issue 21). */
  api: RateLimit;
}

export function createLimits(
  config: LimitsConfig,
  options: { redis: RedisClient | undefined; logger: Logger; onLimited: (name: string) => void },
): Limits {
  const make = options.redis ? redisLimiters(options.redis) : memoryLimiters;
  const hooks: LimitHooks = {
    onError: (error) => options.logger.warn('rate limit store failed; the request was let through', { error }),
    onLimited: options.onLimited,
  };
  const limit = (name: string, rules: RateRule[]) => new RateLimit(name, config.enabled ? rules : [], make, hooks);
  return {
    trust: compileTrust(config.trustProxy),
    signIn: config.enabled
      ? signInBudgets({ perAddress: config.signInPerAddress, perAccount: config.signInPerAccount }, make, hooks)
      : undefined,
    http: httpLimits({
      widgetConfig: limit('widget-config', config.widgetConfigPerAddress),
      inboundEmail: limit('inbound-email', config.inboundEmailPerAddress),
    }),
    uploads: limit('uploads', config.uploadsPerVisitor),
    help: {
      search: limit('help-search', config.helpSearchPerAddress),
      votes: limit('help-votes', config.helpVotesPerAddress),
    },
    api: limit('api', config.apiPerToken),
    sockets: new SocketLimits(compileTrust(config.trustProxy), {
      handshakes: limit('handshakes', config.handshakesPerAddress),
      messages: limit('messages', config.messagesPerVisitor),
      events: limit('events', config.eventsPerVisitor),
      conversations: limit('conversations', config.conversationsPerAddress),
      socketsPerAddress: config.enabled ? config.socketsPerAddress : Number.POSITIVE_INFINITY,
      onFull: () => options.onLimited('sockets'),
    }),
  };
}
