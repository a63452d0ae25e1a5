/**
 * @module Reconnect and resend backoff: exponential with jitter, so a restarted server is not hit
 * by every visitor at once.
 */
const MAX_RETRY_MS = 30_000;

export function retryDelay(attempt: number): number {
  const base = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/** Counts failed attempts in a row; one success resets it. */
export class Backoff {
  #attempts = 0;

  next(): number {
    return retryDelay(this.#attempts++);
  }

  reset(): void {
    this.#attempts = 0;
  }
}
