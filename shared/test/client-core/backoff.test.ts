/** Retry delays: doubling from 1 s, jittered within [½, 1] of the step, never past the ceiling. */
import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_MS, RETRY_BASE_MS, RETRY_MAX_MS } from '../../src/limits.ts';
import { createBackoff, retryDelay } from '../../src/client-core/index.ts';

/** Runs `fn` with Math.random fixed at `value`. */
function withRandom<T>(value: number, fn: () => T): T {
  const random = Math.random;
  Math.random = () => value;
  try {
    return fn();
  } finally {
    Math.random = random;
  }
}

describe('retryDelay', () => {
  it('doubles with each attempt and spreads between half the step and the whole of it', () => {
    expect(RETRY_BASE_MS).toBe(1000);
    for (const [attempt, step] of [
      [0, 1000],
      [1, 2000],
      [2, 4000],
      [3, 8000],
    ] as const) {
      expect(withRandom(0, () => retryDelay(attempt))).toBe(step / 2);
      expect(withRandom(0.999999, () => retryDelay(attempt))).toBeCloseTo(step, 0);
    }
  });

  it('never passes the ceiling: 30 s for resends and resumes, 5 s for reconnecting the socket', () => {
    expect(withRandom(0.999999, () => retryDelay(20))).toBeLessThanOrEqual(RETRY_MAX_MS);
    expect(withRandom(0, () => retryDelay(20))).toBe(RETRY_MAX_MS / 2);
    expect(withRandom(0.999999, () => retryDelay(20, RECONNECT_MAX_MS))).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = retryDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt) / 2);
      expect(delay).toBeLessThanOrEqual(RETRY_MAX_MS);
    }
  });
});

describe('createBackoff', () => {
  it('grows with failures in a row and starts over after a success', () => {
    const backoff = createBackoff(RECONNECT_MAX_MS);
    const first = backoff.next();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 10; i++) expect(backoff.next()).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    expect(backoff.next()).toBeGreaterThanOrEqual(RECONNECT_MAX_MS / 2);
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(1000);
  });
});
