/**
 * @module Who is calling: the client's address behind TRUST_PROXY's proxies, computed the way
 * express does (proxy-addr, the library express itself uses) so REST requests and Socket.IO
 * handshakes agree, and the key limits count it under.
 */
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import net from 'node:net';
import proxyAddr from 'proxy-addr';

/** TRUST_PROXY as configured: no proxy, a number of proxy hops, or the proxies' addresses/CIDRs. */
export type TrustProxy = false | number | string[];

export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * What express's `trust proxy` setting does with the same value (its compileTrust), as a function
 * both express (`app.set('trust proxy', fn)`) and the socket handshakes are given.
 */
export function compileTrust(trust: TrustProxy): TrustFunction {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address of a request (a REST call, or a Socket.IO handshake's upgrade request). */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  // no socket address (a request already torn down): one shared key is still a limit
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyAddr(req, trust);
}

/** The address express computed with TRUST_PROXY (the app's `trust proxy`), as a limit key. */
export const requestAddress = (req: Request): string => addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/**
 * The key an address is limited under. An IPv6 client usually holds a whole /64 (and can pick any
 * address in it), so it counts as one; an IPv4-mapped address counts as the IPv4 one.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!net.isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in (an embedded IPv4 tail counts as two). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('%')[0]?.split('::') ?? [''];
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g.replace(/^0+(?=.)/, '')])) : [];
  const front = groups(head);
  const back = groups(tail);
  const zeros = tail === undefined ? [] : new Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back];
}
