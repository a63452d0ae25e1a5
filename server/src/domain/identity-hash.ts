/**
 * @module Identity verification: each site has a secret; the host app's server computes
 * userHash = hex(HMAC-SHA256(key = the secret's hex text as UTF-8, message = userId)) and the widget
 * passes it along, so a visitor cannot claim another user's id from the browser console.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, hex: what a site owner copies into their server's config. */
export function newIdentitySecret(): string {
  return randomBytes(32).toString('hex');
}

export function userHashFor(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/** Constant-time comparison, so response time does not reveal how much of a guess was right. */
export function userHashMatches(secret: string, userId: string, userHash: string): boolean {
  // An empty key is one anybody can use: a site without a secret verifies nobody.
  if (secret.length === 0) return false;
  const expected = Buffer.from(userHashFor(secret, userId), 'hex');
  const given = Buffer.from(userHash.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
