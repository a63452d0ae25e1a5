/**
 * @module How report numbers read on the page: durations in s / min / h, rates as percentages,
 * and a dash where nothing was measured.
 */
export const NOTHING = '—';

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return NOTHING;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const rest = whole % 60;
    return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  const minutes = Math.round((whole % 3600) / 60);
  return minutes === 0 ? `${Math.floor(whole / 3600)} h` : `${Math.floor(whole / 3600)} h ${minutes} min`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? NOTHING : `${Math.round(rate * 100)} %`;
}

export function formatAverage(value: number | null): string {
  return value === null ? NOTHING : value.toFixed(2);
}

/** Today and the six days before it, as the browser's calendar has them. */
export function lastSevenDays(today: Date = new Date()): { from: string; to: string } {
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
  return { from: iso(from), to: iso(today) };
}
