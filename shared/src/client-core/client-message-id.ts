/**
 * @module The id a client gives each message it writes, kept for the message's life: a resend with the
 * same id is stored once by the server.
 */
import { host, type RandomSource } from './host.ts';

/**
 * A random UUID (version 4). crypto.randomUUID exists only in secure contexts, and neither a host page
 * nor a self-hosted console on a LAN address is always served over HTTPS, so getRandomValues, which
 * every browser exposes everywhere, is the fallback, formatted the same way.
 */
export function newClientMessageId(random: RandomSource = host.crypto): string {
  if (typeof random.randomUUID === 'function') {
    try {
      return random.randomUUID();
    } catch {
      // some embedded browsers define it but throw outside a secure context
    }
  }
  const bytes = random.getRandomValues(new Uint8Array(16));
  // RFC 4122 version 4 and variant bits, so the fallback is indistinguishable from randomUUID
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
