/**
 * With REDIS_URL every process counts the same limits: two Parley servers on one Redis (a Redis of
 * the test's own, so no other suite's counters mix in), each with its own limiters, memory and
 * Redis connections, refuse together what one address has used up on either. And Redis going away
 * neither opens the gate nor breaks requests: each server counts in memory until it is back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { redisAvailable, startOwnRedis, type OwnRedis } from './support/redis.ts';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';

// each sign-in costs a password hash: room for a busy machine
describe.runIf(redisAvailable)('rate limits shared through Redis', () => {
  let redis: OwnRedis | undefined;
  let servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers) await server.close();
    servers = [];
    await redis?.stop();
    redis = undefined;
  });

  async function twoServers(env: Record<string, string>): Promise<[TestServer, TestServer]> {
    redis = await startOwnRedis();
    const shared = { REDIS_URL: redis.url, TRUST_PROXY: 'loopback', ...env };
    const a = await startTestServer({ env: shared });
    servers.push(a);
    const b = await startTestServer({ env: shared });
    servers.push(b);
    return [a, b];
  }

  const signIn = (server: TestServer, from: string, email: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email, password: 'Summer2024!' }),
    });
  const widgetConfig = (server: TestServer, from: string) =>
    fetch(`${server.url}/api/widget/config/${server.siteKey}`, { headers: { 'x-forwarded-for': from } });

  it('counts one address’s tries on both servers together', async () => {
    const [a, b] = await twoServers({ RATE_LIMIT_SIGN_IN_PER_ADDRESS: '4/15m' });
    const sprayer = '203.0.113.7';
    expect((await signIn(a, sprayer, 'one@example.com')).status).toBe(401);
    expect((await signIn(b, sprayer, 'two@example.com')).status).toBe(401);
    expect((await signIn(a, sprayer, 'three@example.com')).status).toBe(401);
    expect((await signIn(b, sprayer, 'four@example.com')).status).toBe(401);
    expect((await signIn(a, sprayer, 'five@example.com')).status).toBe(429);
    expect((await signIn(b, sprayer, 'five@example.com')).status).toBe(429);
    // someone else, on either server, is not affected
    expect((await signIn(b, '198.51.100.1', 'five@example.com')).status).toBe(401);
  }, 60_000);

  it('remembers on every server where an agent signed in, while their account is under attack', async () => {
    const [a, b] = await twoServers({ RATE_LIMIT_SIGN_IN_PER_ACCOUNT: '4/15m' });
    const office = '198.51.100.10';
    const signInRight = (server: TestServer, from: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify(ADMIN),
      });
    expect((await signInRight(a, office)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) {
      expect((await signIn(i % 2 === 0 ? a : b, `203.0.113.${i + 1}`, ADMIN.email)).status).toBe(401);
    }
    expect((await signInRight(b, '192.0.2.55')).status).toBe(429);
    expect((await signInRight(b, office)).status).toBe(200);
  }, 60_000);

  it('keeps limiting, in memory, while Redis is away', async () => {
    const [a, b] = await twoServers({ RATE_LIMIT_WIDGET_CONFIG_PER_ADDRESS: '2/1m' });
    const client = '198.51.100.20';
    expect((await widgetConfig(a, client)).status).toBe(200);
    expect((await widgetConfig(b, client)).status).toBe(200);
    expect((await widgetConfig(a, client)).status).toBe(429);

    await redis?.stop();
    // each server now counts on its own: answered (no 500), and limited again after its own two
    const other = '198.51.100.21';
    expect((await widgetConfig(a, other)).status).toBe(200);
    expect((await widgetConfig(a, other)).status).toBe(200);
    expect((await widgetConfig(a, other)).status).toBe(429);
    // back for the servers' shutdown, which releases their presence in Redis
    await redis?.restart();
    await Promise.all([a, b].map((server) => server.server.scaleReady()));
  }, 60_000);
});
