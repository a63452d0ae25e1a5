/**
 * @module Whether a site is open: its business hours read in its own time zone, so "09:00–17:00
 * Europe/Berlin" means Berlin's clock whatever zone the server runs in, across DST changes.
 */
import { WEEKDAYS, type BusinessHours, type Weekday } from '@parley/shared';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The weekday and "HH:MM" wall-clock time in `timeZone` at `at`. */
export function wallClock(timeZone: string, at: Date): { day: Weekday; time: string } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3);
  const weekday = WEEKDAYS.find((d) => d === day);
  if (!weekday) throw new Error(`unexpected weekday ${day} for ${timeZone}`);
  return { day: weekday, time: `${part('hour')}:${part('minute')}` };
}

/** Open at `at`? Without business hours a site is always open; `close` is exclusive. */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  if (!hours.enabled) return true;
  const { day, time } = wallClock(hours.timeZone, at);
  return hours.days.some((span) => span.day === day && span.open <= time && time < span.close);
}
