/**
 * Passwords are hashed with scrypt at OWASP's current cost; a hash stored at an older cost still
 * signs its agent in and is replaced by a current one on that sign-in; unknown emails cost a
 * current-cost verification too.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD_COST, decoyHashPromise, hashPassword, verifyPassword } from '../src/domain/passwords.ts';
import { newId } from '../src/domain/ids.ts';
import { useTestServer } from './support/test-server.ts';

const t = useTestServer();

/** How Parley hashed passwords before (scrypt N=2^14, r=8, p=1), in the stored format. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const costOf = (hash: string) => {
  const [, N, r, p] = hash.split('$');
  return { N: Number(N), r: Number(r), p: Number(p) };
};

async function signIn(email: string, password: string): Promise<number> {
  const res = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('password hashing', () => {
  it('is at OWASP’s scrypt guidance: N·r·p of N=2^17, r=8, p=1 at least, r=8, and N of 2^15 or more', async () => {
    expect(PASSWORD_COST.r).toBe(8);
    expect(PASSWORD_COST.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(PASSWORD_COST.N * PASSWORD_COST.p).toBeGreaterThanOrEqual(2 ** 17);
    const hash = await hashPassword('a password');
    expect(costOf(hash)).toEqual(PASSWORD_COST);
    expect(await verifyPassword('a password', hash)).toBe(true);
    expect(await verifyPassword('another one', hash)).toBe(false);
    // an unknown email is verified against a hash of the same cost as a real one
    expect(costOf(await decoyHashPromise)).toEqual(PASSWORD_COST);
  });

  it('an old-cost hash signs in and is rehashed at the current cost; a failed sign-in changes nothing', async () => {
    const password = 'legacy-password-1';
    const old = legacyHash(password);
    const agent = await t.server.store.agents.create({
      id: newId('agt'),
      email: 'old@example.com',
      name: 'Old Timer',
      role: 'agent',
      capacity: 2,
      passwordHash: old,
      createdAt: new Date().toISOString(),
    });

    expect(await signIn('old@example.com', 'not-the-password')).toBe(401);
    expect((await t.server.store.agents.findById(agent.id))?.passwordHash).toBe(old);

    expect(await signIn('old@example.com', password)).toBe(200);
    const upgraded = (await t.server.store.agents.findById(agent.id))?.passwordHash ?? '';
    expect(upgraded).not.toBe(old);
    expect(costOf(upgraded)).toEqual(PASSWORD_COST);
    expect(await verifyPassword(password, upgraded)).toBe(true);

    // signs in again with the new hash, which stays as it is
    expect(await signIn('old@example.com', password)).toBe(200);
    expect((await t.server.store.agents.findById(agent.id))?.passwordHash).toBe(upgraded);
  });
});
