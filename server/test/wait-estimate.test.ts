/**
 * The queue wait estimate is arithmetic on recent history: checked here without a server or a clock.
 */
import { describe, expect, it } from 'vitest';
import { estimateForPosition, median, secondsPerPlace } from '../src/domain/wait-estimate.ts';

describe('wait estimate', () => {
  it('takes the median of recent waits', () => {
    expect(median([])).toBeNull();
    expect(median([30])).toBe(30);
    expect(median([90, 10, 30])).toBe(30);
    expect(median([10, 20, 40, 1000])).toBe(30);
  });

  it('divides the median by the online agents with a free seat, at least one', () => {
    expect(secondsPerPlace([60, 120, 90], 2, 2)).toBe(45);
    expect(secondsPerPlace([60, 120, 90], 3, 0)).toBe(90);
  });

  it('is unknown without history or with nobody online', () => {
    expect(secondsPerPlace([], 2, 2)).toBeNull();
    expect(secondsPerPlace([60], 0, 0)).toBeNull();
    expect(estimateForPosition(3, null)).toBeNull();
  });

  it('scales with the position and rounds up to whole seconds', () => {
    expect(estimateForPosition(1, 45)).toBe(45);
    expect(estimateForPosition(3, 0.4)).toBe(2);
    expect(estimateForPosition(2, 0)).toBe(0);
  });
});
