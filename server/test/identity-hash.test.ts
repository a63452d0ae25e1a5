/**
 * The identity hash site owners compute on their servers: hex HMAC-SHA256 of the user id, keyed with
 * the site secret's hex text. Pinned to a value computed independently (openssl), so a refactor
 * cannot silently change what every site owner's server must send.
 */
import { describe, expect, it } from 'vitest';
import { newIdentitySecret, userHashFor, userHashMatches } from '../src/domain/identity-hash.ts';

const SECRET = '00'.repeat(32);
/** printf u_42 | openssl dgst -sha256 -hmac <64 zeros> */
const EXPECTED_U42 = 'c6a8ed82b8a18863dcb031a7ad0cc1670ab33849ed4e53ad549a0fc71da638ae';

describe('identity hash', () => {
  it('is the hex HMAC-SHA256 of the user id keyed with the secret text', () => {
    expect(userHashFor(SECRET, 'u_42')).toBe(EXPECTED_U42);
    expect(userHashMatches(SECRET, 'u_42', EXPECTED_U42.toUpperCase())).toBe(true);
  });

  it('refuses another id’s hash, a truncated hash, and any hash when the site has no secret', () => {
    expect(userHashMatches(SECRET, 'u_43', EXPECTED_U42)).toBe(false);
    expect(userHashMatches(SECRET, 'u_42', EXPECTED_U42.slice(0, 62))).toBe(false);
    expect(userHashMatches('', 'u_42', userHashFor('', 'u_42'))).toBe(false);
  });

  it('generates 32-byte hex secrets', () => {
    const secret = newIdentitySecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(newIdentitySecret()).not.toBe(secret);
  });
});
