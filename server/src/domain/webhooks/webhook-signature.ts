/**
 * @module The signature every webhook request carries: HMAC-SHA256 with the target's secret over
 * `<timestamp>.<body>`, sent as `Parley-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is
 * when the attempt was sent, so a receiver can refuse a replay of an old request (docs/webhooks.md).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'parley-signature';

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/**
 * What a receiver does: true when the header's signature matches the body and its timestamp is
 * within `toleranceSeconds` of `nowSeconds`.
 */
export function verifySignature(input: {
  secret: string;
  header: string;
  body: string;
  nowSeconds: number;
  toleranceSeconds: number;
}): boolean {
  const parts = new Map(
    input.header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(input.nowSeconds - timestamp) > input.toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(input.secret, timestamp, input.body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** A new endpoint secret: 32 random bytes, prefixed so it is recognisable in a config file. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
