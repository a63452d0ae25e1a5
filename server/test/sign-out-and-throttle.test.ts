/**
 * Signing out ends that session's sockets (the browser's other tabs) and no one else's; repeated
 * failed sign-ins for one email from one address are refused with rate_limited for a while.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ErrorBodySchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { call, connectAgent, connected, disconnectAll, login } from './support/clients.ts';
import { LOGIN_WINDOW_MS, MAX_FAILED_LOGINS } from '../src/domain/login-throttle.ts';

let t: TestServer;
let clock = Date.now();
beforeEach(async () => {
  clock = Date.now();
  t = await startTestServer({ now: () => new Date(clock) });
});
afterEach(async () => {
  disconnectAll();
  await t.close();
});

const disconnectedByServer = (socket: Socket): Promise<string> =>
  new Promise((resolve) => socket.once('disconnect', resolve));

const attempt = (password: string, email = ADMIN.email) =>
  fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('signing out', () => {
  it('closes every socket of that session and leaves the agent’s other sessions connected', async () => {
    const signedOut = await login(t.url, ADMIN.email, ADMIN.password);
    const elsewhere = await login(t.url, ADMIN.email, ADMIN.password);
    const tabs = [connectAgent(t.url, signedOut), connectAgent(t.url, signedOut)];
    const laptop = connectAgent(t.url, elsewhere);
    await Promise.all([...tabs, laptop].map(connected));
    const closed = tabs.map(disconnectedByServer);

    const res = await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie: signedOut } });
    expect(res.status).toBe(204);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(laptop.connected).toBe(true);
    await call(laptop, 'agent:sync', {});
    // the signed-out cookie opens nothing any more
    const again = connectAgent(t.url, signedOut);
    await expect(connected(again)).rejects.toThrow(/Sign in first/);
  });
});

describe('sign-in throttling', () => {
  it('refuses an email after repeated failures from one address, even with the right password, until the window passes', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) expect((await attempt('wrong password')).status).toBe(401);
    const limited = await attempt(ADMIN.password);
    expect(limited.status).toBe(429);
    expect(ErrorBodySchema.parse(await limited.json()).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/try again in 15 min/),
    });
    // another email from the same address is not affected
    expect((await attempt('wrong password', 'someone@example.com')).status).toBe(401);

    clock += LOGIN_WINDOW_MS + 1000;
    expect((await attempt(ADMIN.password)).status).toBe(200);
  });

  it('forgets earlier failures once the agent signs in', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt(ADMIN.password)).status).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt(ADMIN.password)).status).toBe(200);
  });
});
