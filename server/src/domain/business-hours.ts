/**
 * @module Whether a site is open: its business hours read in its own time zone, so "09:00–17:00
 * Europe/Berlin" means Berlin's clock whatever zone the server runs in, across DST changes.
 */
import { WEEKDAYS, type BusinessHours, type Weekday } from '@parley/shared';
import { wallParts } from './local-days.ts';

/** The weekday and "HH:MM" wall-clock time in `timeZone` at `at`. */
export function wallClock(timeZone: string, at: Date): { day: Weekday; time: string } {
  const w = wallParts(timeZone, at.getTime());
  // WEEKDAYS starts on Monday; getUTCDay() counts from Sunday
  const day = WEEKDAYS[(new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7] ?? 'mon';
  return { day, time: `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` };
}

/** Open at `at`? Without business hours a site is always open; `close` is exclusive. */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  if (!hours.enabled) return true;
  const { day, time } = wallClock(hours.timeZone, at);
  return hours.days.some((span) => span.day === day && span.open <= time && time < span.close);
}
