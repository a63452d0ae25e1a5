/**
 * TRUST_PROXY decides whose X-Forwarded-For is believed, the same way for REST (express's `trust
 * proxy`) and for Socket.IO handshakes (proxy-addr on the upgrade request). Without it a forged
 * header changes nothing: every request still counts under the real peer's address. With it, each
 * client behind the balancer is limited on its own, and one trusted hop ignores whatever the client
 * wrote further left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { addressKey } from '../src/limits/client-address.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { connected, connectVisitor, disconnectAll, rejected } from './support/clients.ts';

let t: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

async function start(env: Record<string, string>): Promise<TestServer> {
  t = await startTestServer({ env: { RATE_LIMIT_WIDGET_CONFIG_PER_ADDRESS: '2/1m', ...env } });
  return t;
}

const config = (server: TestServer, forwardedFor: string) =>
  fetch(`${server.url}/api/widget/config/${server.siteKey}`, { headers: { 'x-forwarded-for': forwardedFor } });

describe('TRUST_PROXY', () => {
  it('is off by default: a forged X-Forwarded-For does not escape a limit', async () => {
    const server = await start({});
    expect((await config(server, '198.51.100.1')).status).toBe(200);
    expect((await config(server, '198.51.100.2')).status).toBe(200);
    expect((await config(server, '198.51.100.3')).status).toBe(429);
  });

  it('with the proxy’s address, limits each forwarded client on its own', async () => {
    const server = await start({ TRUST_PROXY: 'loopback' });
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await config(server, client)).status).toBe(200);
    }
    expect((await config(server, '198.51.100.1')).status).toBe(200);
    expect((await config(server, '198.51.100.1')).status).toBe(429);
  });

  it('with a hop count, believes only the hops it was told of', async () => {
    // one proxy: the client is the address that proxy saw, whatever the client wrote before it
    const server = await start({ TRUST_PROXY: '1' });
    expect((await config(server, '203.0.113.1, 198.51.100.7')).status).toBe(200);
    expect((await config(server, '203.0.113.2, 198.51.100.7')).status).toBe(200);
    expect((await config(server, '203.0.113.3, 198.51.100.7')).status).toBe(429);
    expect((await config(server, '203.0.113.3, 198.51.100.8')).status).toBe(200);
  });

  it('applies to socket handshakes the same way', async () => {
    const server = await start({ TRUST_PROXY: 'loopback', RATE_LIMIT_HANDSHAKES_PER_ADDRESS: '2/1m' });
    const visitor = (forwardedFor: string) =>
      connectVisitor(server.url, {
        siteKey: server.siteKey,
        origin: server.origin,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    await connected(visitor('198.51.100.1'));
    await connected(visitor('198.51.100.1'));
    expect(await rejected(visitor('198.51.100.1'))).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: expect.any(Number),
    });
    await connected(visitor('198.51.100.2'));
  });

  it('without it, a forged header on a handshake is ignored too', async () => {
    const server = await start({ RATE_LIMIT_HANDSHAKES_PER_ADDRESS: '2/1m' });
    const visitor = (forwardedFor: string) =>
      connectVisitor(server.url, {
        siteKey: server.siteKey,
        origin: server.origin,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    await connected(visitor('198.51.100.1'));
    await connected(visitor('198.51.100.2'));
    expect((await rejected(visitor('198.51.100.3'))).code).toBe('rate_limited');
  });
});

describe('TRUST_PROXY and RATE_LIMIT_* in the environment', () => {
  const parse = (env: Record<string, string>) => parseConfig({ PORT: '0', ...env }).limits;

  it('reads a hop count, addresses and CIDRs, or nothing', () => {
    expect(parse({}).trustProxy).toBe(false);
    expect(parse({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parse({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parse({ TRUST_PROXY: 'loopback, 10.0.0.0/8 ,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it('refuses what express would not understand, and trusting every hop', () => {
    expect(() => parse({ TRUST_PROXY: 'nginx.internal' })).toThrow(/TRUST_PROXY/);
    expect(() => parse({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
    expect(() => parse({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: give the proxies/);
  });

  it('reads limits as N/period lists, or off', () => {
    const limits = parse({ RATE_LIMIT_MESSAGES_PER_VISITOR: '5/2s, 50/1h', RATE_LIMIT_EVENTS_PER_VISITOR: 'off' });
    expect(limits.messagesPerVisitor).toEqual([
      { points: 5, seconds: 2 },
      { points: 50, seconds: 3600 },
    ]);
    expect(limits.eventsPerVisitor).toEqual([]);
    expect(parse({}).conversationsPerAddress).toEqual([
      { points: 10, seconds: 600 },
      { points: 100, seconds: 86_400 },
    ]);
    expect(() => parse({ RATE_LIMIT_MESSAGES_PER_VISITOR: '5 per second' })).toThrow(
      /RATE_LIMIT_MESSAGES_PER_VISITOR: "5 per second" is not N\/period/,
    );
    expect(() => parse({ RATE_LIMIT_MESSAGES_PER_VISITOR: '0/1s' })).toThrow(/at least 1/);
  });
});

describe('the address a limit counts under', () => {
  it('is the IPv4 address, also when IPv4-mapped, and an IPv6 client’s whole /64', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
  });
});
