/**
 * @module The WEBHOOK_* part of the environment schema (config.ts, the only reader of process.env,
 * merges it) and the WebhooksConfig it becomes (docs/webhooks.md, docs/configuration.md).
 */
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** What an operator lets webhooks reach although it is not a public address. */
export interface WebhookAllowList {
  /** Host names, lower case, matched exactly as the URL names them. */
  hosts: string[];
  /** Address ranges (an address alone is a /32 or /128). */
  ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

export interface WebhooksConfig {
  allow: WebhookAllowList;
  /** How often the sender looks for due deliveries; 0: only when the process asks (tests). */
  workerIntervalMs: number;
  /** One attempt, redirects included, from connecting to the last byte read. */
  timeoutMs: number;
  /** Attempts before a delivery is given up. */
  maxAttempts: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

/** `10.0.0.0/8, 127.0.0.1, hooks.internal` → the allow list, or why an entry is wrong. */
export function parseAllowList(value: string): WebhookAllowList | { error: string } {
  const allow: WebhookAllowList = { hosts: [], ranges: [] };
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry.includes('/')) {
      try {
        allow.ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        return { error: `${JSON.stringify(entry)} is not an address range such as 10.0.0.0/8 or fd00::/8` };
      }
    } else if (ipaddr.isValid(entry.replace(/^\[|\]$/g, ''))) {
      const address = ipaddr.parse(entry.replace(/^\[|\]$/g, ''));
      allow.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry)) {
      allow.hosts.push(entry.replace(/\.$/, ''));
    } else {
      return { error: `${JSON.stringify(entry)} is neither a host name, an address nor an address range` };
    }
  }
  return allow;
}

export const WebhooksEnvShape = {
  /** Hosts, addresses and ranges (comma-separated) webhooks may reach although they are not public. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value, ctx): WebhookAllowList => {
      const parsed = parseAllowList(value ?? '');
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  /** How often the webhook sender looks for due deliveries; 0: only when the process asks (tests). */
  WEBHOOK_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
};

export function webhooksConfig(e: {
  WEBHOOK_ALLOWED_HOSTS: WebhookAllowList;
  WEBHOOK_WORKER_INTERVAL_MS: number;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_MAX_ATTEMPTS: number;
}): WebhooksConfig {
  return {
    allow: e.WEBHOOK_ALLOWED_HOSTS,
    workerIntervalMs: e.WEBHOOK_WORKER_INTERVAL_MS,
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
  };
}
