import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@parley/shared';
import { isWithinBusinessHours, wallClock } from '../src/domain/business-hours.ts';

const berlinWeekdays: BusinessHours = {
  enabled: true,
  timeZone: 'Europe/Berlin',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day: day as 'mon', open: '09:00', close: '17:00' })),
};

describe('business hours', () => {
  it('reads the clock in the site time zone, not the server one', () => {
    // 2026-11-23 is a Monday; Berlin is UTC+1 in November
    expect(wallClock('Europe/Berlin', new Date('2026-11-23T07:59:00Z'))).toEqual({ day: 'mon', time: '08:59' });
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-11-23T07:59:00Z'))).toBe(false);
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-11-23T08:00:00Z'))).toBe(true);
    // close is exclusive: 17:00 Berlin is closed
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-11-23T15:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-11-23T16:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time', () => {
    // 2026-07-06 is a Monday; Berlin is UTC+2 in summer, so 09:00 opens at 07:00Z
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-07-06T06:59:00Z'))).toBe(false);
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-07-06T07:00:00Z'))).toBe(true);
  });

  it('takes the weekday in the site zone across midnight UTC', () => {
    const tokyoSunday: BusinessHours = {
      enabled: true,
      timeZone: 'Asia/Tokyo',
      days: [{ day: 'sun', open: '00:00', close: '12:00' }],
    };
    // Saturday 20:00 UTC is Sunday 05:00 in Tokyo
    expect(isWithinBusinessHours(tokyoSunday, new Date('2026-11-21T20:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(tokyoSunday, new Date('2026-11-22T20:00:00Z'))).toBe(false);
  });

  it('is always open when business hours are off, and closed on days not listed', () => {
    expect(isWithinBusinessHours({ enabled: false, timeZone: 'UTC', days: [] }, new Date('2026-11-22T03:00:00Z'))).toBe(
      true,
    );
    expect(isWithinBusinessHours(berlinWeekdays, new Date('2026-11-22T10:00:00Z'))).toBe(false);
  });
});
