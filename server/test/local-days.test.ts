/**
 * Local days as reports cut them: where a day starts in its zone across DST changes (23- and
 * 25-hour days), in zones whose clocks skip midnight itself, and at half-hour offsets.
 */
import { describe, expect, it } from 'vitest';
import { datesBetween, localDateOf, startOfLocalDay } from '../src/domain/local-days.ts';
import { durationStats } from '../src/domain/report-figures.ts';

const start = (date: string, zone: string) => startOfLocalDay(date, zone).toISOString();
const hours = (from: string, to: string, zone: string) =>
  (Date.parse(start(to, zone)) - Date.parse(start(from, zone))) / 3_600_000;

describe('local days', () => {
  it('start at local midnight, and DST days are 23 and 25 hours long', () => {
    expect(start('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(hours('2026-03-29', '2026-03-30', 'Europe/Berlin')).toBe(23);
    expect(hours('2026-10-25', '2026-10-26', 'Europe/Berlin')).toBe(25);
    expect(hours('2026-03-08', '2026-03-09', 'America/New_York')).toBe(23);
    expect(start('2026-01-01', 'Asia/Kolkata')).toBe('2025-12-31T18:30:00.000Z');
    expect(start('2026-01-01', 'UTC')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('begin when the clock jumps when a zone skips midnight itself', () => {
    // Cuba moves from 00:00 straight to 01:00 on 8 March 2026: that day begins at 01:00 CDT.
    expect(start('2026-03-08', 'America/Havana')).toBe('2026-03-08T05:00:00.000Z');
    expect(localDateOf('2026-03-08T04:59:59.000Z', 'America/Havana')).toBe('2026-03-07');
    expect(localDateOf('2026-03-08T05:00:00.000Z', 'America/Havana')).toBe('2026-03-08');
  });

  it('put an instant on the right side of midnight', () => {
    expect(localDateOf('2026-03-28T22:59:59.000Z', 'Europe/Berlin')).toBe('2026-03-28');
    expect(localDateOf('2026-03-28T23:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-29T21:59:59.000Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-29T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30');
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('duration statistics', () => {
  it('give the middle value (mean of the two middle ones) and the nearest-rank 90th percentile', () => {
    expect(durationStats([])).toEqual({ count: 0, median: null, p90: null });
    expect(durationStats([7])).toEqual({ count: 1, median: 7, p90: 7 });
    expect(durationStats([30, 10, 20])).toEqual({ count: 3, median: 20, p90: 30 });
    expect(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5.5, p90: 9 });
    expect(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ count: 11, median: 6, p90: 10 });
  });
});
