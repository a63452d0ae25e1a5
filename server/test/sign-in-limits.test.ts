/**
 * Sign-in limits that stop guessing without letting strangers lock a real agent out (TRUST_PROXY
 * gives every test client its own forwarded address):
 * - wrong passwords from one address block that address for that email, not the agent elsewhere;
 * - spraying one address's guesses over many emails runs out, for every email from that address;
 * - guesses at one email from many addresses run out for new addresses, while the agent, from an
 *   address they signed in from before, still gets in with their password.
 * A refused attempt answers 429 with Retry-After and retryAfterMs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  t = await startTestServer({ env: { TRUST_PROXY: 'loopback', ...env } });
  return t;
}

const signIn = (server: TestServer, from: string, password: string, email = ADMIN.email) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });

async function expectLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  const { error } = ErrorBodySchema.parse(await res.json());
  expect(error.code).toBe('rate_limited');
  expect(error.retryAfterMs).toBeGreaterThan(0);
  expect(Math.ceil((error.retryAfterMs ?? 0) / 1000)).toBe(retryAfter);
}

// each sign-in costs a password hash: room for a busy machine
describe('sign-in limits', () => {
  it('lets the agent in from their own address while a stranger is blocked for guessing their password', async () => {
    const server = await start();
    const stranger = '203.0.113.66';
    for (let i = 0; i < 5; i += 1) expect((await signIn(server, stranger, `guess ${i}`)).status).toBe(401);
    await expectLimited(await signIn(server, stranger, `guess 5`));
    // even the right password from the stranger's address waits
    await expectLimited(await signIn(server, stranger, ADMIN.password));

    expect((await signIn(server, '198.51.100.10', ADMIN.password)).status).toBe(200);
  }, 60_000);

  it('stops password spraying: one address runs out of guesses across all emails', async () => {
    const server = await start({ RATE_LIMIT_SIGN_IN_PER_ADDRESS: '6/15m' });
    const sprayer = '203.0.113.7';
    for (let i = 0; i < 6; i += 1) {
      expect((await signIn(server, sprayer, 'Summer2024!', `person${i}@example.com`)).status).toBe(401);
    }
    await expectLimited(await signIn(server, sprayer, 'Summer2024!', 'someone.else@example.com'));
    await expectLimited(await signIn(server, sprayer, ADMIN.password));
    // other addresses are not affected
    expect((await signIn(server, '198.51.100.10', ADMIN.password)).status).toBe(200);
  }, 60_000);

  it('stops guessing one account from many addresses, yet the agent still gets in from their usual address', async () => {
    const server = await start({ RATE_LIMIT_SIGN_IN_PER_ACCOUNT: '6/15m' });
    const office = '198.51.100.10';
    expect((await signIn(server, office, ADMIN.password)).status).toBe(200);

    // a botnet: one guess from each address, under every per-address limit
    for (let i = 0; i < 6; i += 1) expect((await signIn(server, `203.0.113.${i + 1}`, `guess ${i}`)).status).toBe(401);
    await expectLimited(await signIn(server, '203.0.113.100', 'guess 6'));
    // a new address is refused even with the right password while the account is under attack
    await expectLimited(await signIn(server, '192.0.2.55', ADMIN.password));

    expect((await signIn(server, office, ADMIN.password)).status).toBe(200);
    // and other accounts are not affected
    const ann = await server.createAgent({ name: 'Ann' });
    expect((await signIn(server, '203.0.113.100', ann.password, ann.email)).status).toBe(200);
  }, 60_000);

  it('limits nothing with RATE_LIMITS=off but the pair throttle', async () => {
    const server = await start({ RATE_LIMITS: 'off', RATE_LIMIT_SIGN_IN_PER_ADDRESS: '1/15m' });
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(server, '203.0.113.7', 'guess', `person${i}@example.com`)).status).toBe(401);
    }
  }, 60_000);
});
