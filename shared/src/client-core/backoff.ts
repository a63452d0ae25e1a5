/**
 * @module Retry delays: exponential with jitter, so a restarted server is not hit by every client at once.
 * The delay doubles from RETRY_BASE_MS with every failure in a row and is drawn between half of that
 * step and the whole of it, so it never passes the ceiling (a visitor is never kept waiting longer
 * than promised) and clients that failed together spread out.
 */
import { RETRY_BASE_MS, RETRY_MAX_MS } from '../limits.ts';

/** The delay before retry number `attempt` (0 for the first), at most `maxMs`. */
export function retryDelay(attempt: number, maxMs = RETRY_MAX_MS): number {
  const step = Math.min(maxMs, RETRY_BASE_MS * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

/** Counts failed attempts in a row; one success resets it. */
export interface Backoff {
  /** The delay before the next attempt. */
  next(): number;
  reset(): void;
}

export function createBackoff(maxMs = RETRY_MAX_MS): Backoff {
  let attempts = 0;
  return {
    next: () => retryDelay(attempts++, maxMs),
    reset: () => void (attempts = 0),
  };
}
