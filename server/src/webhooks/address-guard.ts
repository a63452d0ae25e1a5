/**
 * @module Keeps webhooks off the server's own network (SSRF): a URL may be called only when every
 * address its host resolves to is a public unicast address, unless the operator allowed the host or
 * the address (WEBHOOK_ALLOWED_HOSTS). Range checks are ipaddr.js's tables, not our own parsing.
 * The request then connects to the address checked here (webhook-request.ts pins it), so a DNS
 * answer that changes between check and connect cannot slip past.
 */
import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { WebhookAllowList } from './webhooks-config.ts';

export interface ResolvedTarget {
  url: URL;
  /** The address to connect to, checked. */
  address: string;
  family: 4 | 6;
}

export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** IPv6 space that embeds an IPv4 address ipaddr.js calls unicast: 6to4 could carry 127.0.0.1. */
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

export class AddressGuard {
  readonly #allow: WebhookAllowList;
  readonly #lookup: Lookup;

  constructor(allow: WebhookAllowList, lookup: Lookup = systemLookup) {
    this.#allow = allow;
    this.#lookup = lookup;
  }

  /** Whether a webhook may connect to this address (an allowed range, or public unicast). */
  allowsAddress(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    if (this.#allow.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) {
      return true;
    }
    if (parsed.kind() === 'ipv6' && parsed.match(SIX_TO_FOUR)) return false;
    return parsed.range() === 'unicast';
  }

  /** Resolves the URL's host and checks every address; throws url_not_allowed when one is refused. */
  async resolve(rawUrl: string | URL): Promise<ResolvedTarget> {
    const url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused(url, 'only http and https are allowed');
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (ipaddr.isValid(host)) {
      if (!this.allowsAddress(host)) throw refused(url, `${host} is not a public address`);
      return { url, address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 };
    }
    let addresses: Array<{ address: string; family: number }>;
    try {
      addresses = await this.#lookup(host);
    } catch (error) {
      throw new ParleyError(ErrorCode.UrlNotAllowed, `${host} could not be resolved`, { cause: error });
    }
    const first = addresses[0];
    if (!first) throw refused(url, `${host} has no address`);
    // an allowed name may resolve anywhere; any other must resolve only to public addresses
    if (!this.#allow.hosts.includes(host.replace(/\.$/, ''))) {
      const blocked = addresses.find((a) => !this.allowsAddress(a.address));
      if (blocked) throw refused(url, `${host} resolves to ${blocked.address}, which is not a public address`);
    }
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  /** For a URL an admin saves: the same check, answering nothing. */
  async check(url: string): Promise<void> {
    await this.resolve(url);
  }
}

function refused(url: URL, why: string): ParleyError {
  return new ParleyError(
    ErrorCode.UrlNotAllowed,
    `Webhooks cannot call ${url.host}: ${why} (an operator can allow it with WEBHOOK_ALLOWED_HOSTS)`,
  );
}
