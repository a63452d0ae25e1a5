/**
 * @module Times of visitor activity in the agent's own locale and time zone: a clock time for
 * today's page views, a date with it for earlier conversations; and the visitor's own clock.
 */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function dayAndTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** What the clock says where the visitor is ("14:05 (Asia/Tokyo)"); empty for a zone this browser does not know. */
export function visitorLocalTime(timeZone: string, at: number): string {
  try {
    return `${new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone })} (${timeZone})`;
  } catch {
    return '';
  }
}
