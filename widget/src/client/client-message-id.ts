/**
 * @module Ids the widget gives its messages so a resend is recognised by the server as the same one.
 */

/**
 * A random UUID. crypto.randomUUID exists only in secure contexts, and host pages are not always
 * served over HTTPS, so fall back to getRandomValues, which every browser exposes everywhere.
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // some embedded browsers define it but throw outside a secure context
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // RFC 4122 version 4 and variant bits, so the fallback is indistinguishable from randomUUID
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
