/**
 * @module Calendar days in a time zone: where a local day starts as an instant, and which local day
 * an instant falls on. Reports cut their days here, so a day is 23 or 25 hours long across a DST
 * change, and midnight means the site's midnight whatever zone the server runs in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at `at` (ms since the epoch): calendar date and time of day. */
export function wallParts(
  timeZone: string,
  at: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  const w = wallParts(timeZone, at);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(at / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(at: Date | string, timeZone: string): string {
  const w = wallParts(timeZone, typeof at === 'string' ? Date.parse(at) : at.getTime());
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The instant the local date begins in the zone (its midnight, or the first moment after it when a DST jump skips midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess may differ from the offset at the answer (a change near midnight): a second pass settles it.
  let at = naive - offsetAt(timeZone, naive);
  at = naive - offsetAt(timeZone, at);
  if (localDateOf(new Date(at), timeZone) !== date) {
    // midnight did not exist that day: the day begins when the clock jumped forward
    at += 60 * 60 * 1000;
    while (localDateOf(new Date(at - 60 * 1000), timeZone) === date) at -= 60 * 1000;
  }
  return new Date(at);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
