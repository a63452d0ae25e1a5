/**
 * @module The TRUST_PROXY and RATE_LIMIT_* part of the environment schema (config.ts, the only
 * reader of process.env, merges it) and the LimitsConfig it becomes. Defaults are generous enough
 * for real people behind one office or mobile-carrier address; docs/operations.md lists them.
 */
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import type { TrustProxy } from './client-address.ts';
import { parseRateRules, type RateRule } from './rate-rule.ts';

export interface LimitsConfig {
  /** false (RATE_LIMITS=off): nothing is limited, for load tests only. */
  enabled: boolean;
  trustProxy: TrustProxy;
  /** Failed sign-ins from one address, whatever the email (spraying). */
  signInPerAddress: RateRule[];
  /** Failed sign-ins for one email from all addresses; past it only addresses it signed in from may try. */
  signInPerAccount: RateRule[];
  /** Socket.IO handshakes (visitor and console) from one address. */
  handshakesPerAddress: RateRule[];
  /** Open connections from one address, per process. */
  socketsPerAddress: number;
  /** Conversations (chats and offline messages) started from one address. */
  conversationsPerAddress: RateRule[];
  /** Messages (chat and offline) of one visitor. */
  messagesPerVisitor: RateRule[];
  /** Every other widget event of one visitor (page views, typing, seen, rating…). */
  eventsPerVisitor: RateRule[];
  widgetConfigPerAddress: RateRule[];
  inboundEmailPerAddress: RateRule[];
  /** Files one visitor uploads. */
  uploadsPerVisitor: RateRule[];
  /** Help center searches (widget API and public search page) from one address. */
  helpSearchPerAddress: RateRule[];
  /** "Did this help?" votes from one address. */
  helpVotesPerAddress: RateRule[];
  /** Public API requests of one token (issue 21). */
  apiPerToken: RateRule[];
}

const rules = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseRateRules(value === undefined || value.trim() === '' ? fallback : value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    });

const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const text = (value ?? '').trim();
    if (text === '' || text === 'false' || text === '0') return false;
    if (/^\d+$/.test(text)) return Number(text);
    const list = text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // `true` (believe every hop) is refused: any client could then name its own address
    if (list.includes('true')) {
      ctx.addIssue({ code: 'custom', message: 'give the proxies’ hop count or addresses, not true' });
      return z.NEVER;
    }
    try {
      // the validation express applies to the same value
      proxyAddr.compile(list);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
    return list;
  });

export const LimitsEnvShape = {
  /** Proxies in front of Parley whose X-Forwarded-For is believed: a hop count, or addresses/CIDRs. */
  TRUST_PROXY: trustProxy,
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: rules('30/15m'),
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: rules('50/15m'),
  RATE_LIMIT_HANDSHAKES_PER_ADDRESS: rules('60/1m'),
  RATE_LIMIT_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_CONVERSATIONS_PER_ADDRESS: rules('10/10m,100/1d'),
  RATE_LIMIT_MESSAGES_PER_VISITOR: rules('10/10s,100/10m'),
  RATE_LIMIT_EVENTS_PER_VISITOR: rules('60/10s'),
  RATE_LIMIT_WIDGET_CONFIG_PER_ADDRESS: rules('120/1m'),
  RATE_LIMIT_INBOUND_EMAIL_PER_ADDRESS: rules('120/1m'),
  RATE_LIMIT_UPLOADS_PER_VISITOR: rules('10/1m,100/1d'),
  // as-you-type suggestions ask a few times a second while someone writes
  RATE_LIMIT_HELP_SEARCH_PER_ADDRESS: rules('60/10s,1000/1h'),
  RATE_LIMIT_HELP_VOTES_PER_ADDRESS: rules('30/10m'),
  // an integration syncing in bursts, not a person: room for a burst, bounded per hour
  RATE_LIMIT_API_PER_TOKEN: rules('100/10s,3600/1h'),
};

type LimitsEnv = { [K in keyof typeof LimitsEnvShape]: z.output<(typeof LimitsEnvShape)[K]> };

export function limitsConfig(e: LimitsEnv): LimitsConfig {
  return {
    enabled: e.RATE_LIMITS === 'on',
    trustProxy: e.TRUST_PROXY,
    signInPerAddress: e.RATE_LIMIT_SIGN_IN_PER_ADDRESS,
    signInPerAccount: e.RATE_LIMIT_SIGN_IN_PER_ACCOUNT,
    handshakesPerAddress: e.RATE_LIMIT_HANDSHAKES_PER_ADDRESS,
    socketsPerAddress: e.RATE_LIMIT_SOCKETS_PER_ADDRESS,
    conversationsPerAddress: e.RATE_LIMIT_CONVERSATIONS_PER_ADDRESS,
    messagesPerVisitor: e.RATE_LIMIT_MESSAGES_PER_VISITOR,
    eventsPerVisitor: e.RATE_LIMIT_EVENTS_PER_VISITOR,
    widgetConfigPerAddress: e.RATE_LIMIT_WIDGET_CONFIG_PER_ADDRESS,
    inboundEmailPerAddress: e.RATE_LIMIT_INBOUND_EMAIL_PER_ADDRESS,
    uploadsPerVisitor: e.RATE_LIMIT_UPLOADS_PER_VISITOR,
    helpSearchPerAddress: e.RATE_LIMIT_HELP_SEARCH_PER_ADDRESS,
    helpVotesPerAddress: e.RATE_LIMIT_HELP_VOTES_PER_ADDRESS,
    apiPerToken: e.RATE_LIMIT_API_PER_TOKEN,
  };
}
