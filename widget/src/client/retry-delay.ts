/**
 * @module Reconnect and resend backoff: exponential with jitter, so a restarted server is not hit
 * by every visitor at once.
 */
const MAX_RETRY_MS = 30_000;

export function retryDelay(attempt: number): number {
  const base = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}
