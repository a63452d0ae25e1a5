/**
 * @module A fresh clientMessageId for each message the agent writes; a resend reuses it, never a new one.
 * crypto.randomUUID exists only in secure contexts (HTTPS or localhost), and a self-hosted console may well be
 * opened over plain HTTP on a LAN address, so getRandomValues (available everywhere) is the fallback.
 */
interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

export function newClientMessageId(cryptoImpl: RandomSource = crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
