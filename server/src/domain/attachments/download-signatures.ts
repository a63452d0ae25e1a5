/**
 * @module Signed download addresses: an HMAC over the attachment id, the variant (file or thumbnail)
 * and an expiry, with the server's secret. Whoever holds one may fetch that one file until it
 * expires, which is short; the address is issued only after the access check (attachment-access.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type FileVariant = 'file' | 'thumbnail';

/** Long enough to open a file after asking for it, short enough that a leaked address soon stops working. */
export const LINK_TTL_SECONDS = 5 * 60;

export class DownloadSignatures {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  sign(attachmentId: string, variant: FileVariant, expires: number): string {
    return createHmac('sha256', this.#secret)
      .update(`attachment:v1:${attachmentId}:${variant}:${expires}`)
      .digest('base64url');
  }

  /** True when `signature` was made by sign() for these values and `expires` (seconds) is not past. */
  verify(attachmentId: string, variant: FileVariant, expires: number, signature: string, nowMs: number): boolean {
    if (expires * 1000 < nowMs) return false;
    const given = Buffer.from(signature, 'base64url');
    const expected = Buffer.from(this.sign(attachmentId, variant, expires), 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
