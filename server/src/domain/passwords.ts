/**
 * @module Password hashing with scrypt (node:crypto, no native dependency), in a self-describing
 * format (`scrypt$N$r$p$salt$key`): a stored hash keeps verifying after the cost is raised, and is
 * replaced at the next sign-in (needsRehash).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 "or" the equivalent
 * N=2^16, r=8, p=2. This one: the same work, half the memory per hash (64 MiB instead of 128 MiB),
 * which matters when several sign-ins hash at once (libuv runs up to four scrypts in parallel).
 */
export const PASSWORD_COST: Readonly<ScryptCost> = { N: 2 ** 16, r: 8, p: 2 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (plus a little): Node's default cap (32 MiB) is below the current cost
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return undefined;
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PASSWORD_COST);
  const { N, r, p } = PASSWORD_COST;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Verifies at the cost the hash was made with, whatever the current one is. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.cost);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** The hash was made at another cost than the current one: hash the password again once it is known. */
export function needsRehash(stored: string): boolean {
  const cost = parse(stored)?.cost;
  return cost?.N !== PASSWORD_COST.N || cost.r !== PASSWORD_COST.r || cost.p !== PASSWORD_COST.p;
}

/**
 * A hash of nothing anyone knows, at the current cost, verified when the email is unknown so both
 * paths cost the same time.
 */
export const decoyHashPromise: Promise<string> = hashPassword(randomBytes(16).toString('hex'));
