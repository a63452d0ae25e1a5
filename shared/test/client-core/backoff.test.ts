/** Retry delays: doubling from 1 s, jittered within [½, 1] of the step, never past the ceiling. */
import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_MS, RETRY_BASE_MS, RETRY_MAX_MS } from '../../src/limits.ts';
import { Backoff, retryDelay } from '../../src/client-core/index.ts';

describe('retryDelay', () => {
  it('doubles with each attempt and spreads between half the step and the whole of it', () => {
    expect(RETRY_BASE_MS).toBe(1000);
    for (const [attempt, step] of [
      [0, 1000],
      [1, 2000],
      [2, 4000],
      [3, 8000],
    ] as const) {
      expect(retryDelay(attempt, RETRY_MAX_MS, () => 0)).toBe(step / 2);
      expect(retryDelay(attempt, RETRY_MAX_MS, () => 0.999999)).toBeCloseTo(step, 0);
    }
  });

  it('never passes the ceiling: 30 s for resends and resumes, 5 s for reconnecting the socket', () => {
    expect(retryDelay(20, RETRY_MAX_MS, () => 0.999999)).toBeLessThanOrEqual(RETRY_MAX_MS);
    expect(retryDelay(20, RETRY_MAX_MS, () => 0)).toBe(RETRY_MAX_MS / 2);
    expect(retryDelay(20, RECONNECT_MAX_MS, () => 0.999999)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = retryDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt) / 2);
      expect(delay).toBeLessThanOrEqual(RETRY_MAX_MS);
    }
  });
});

describe('Backoff', () => {
  it('grows with failures in a row and starts over after a success', () => {
    const backoff = new Backoff(RECONNECT_MAX_MS);
    const first = backoff.next();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 10; i++) expect(backoff.next()).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    expect(backoff.next()).toBeGreaterThanOrEqual(RECONNECT_MAX_MS / 2);
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(1000);
  });
});
