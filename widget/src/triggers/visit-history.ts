/**
 * @module What page rules know about the visitor's visits, counted in the browser: a visit is a tab
 * session (sessionStorage), like a rule's `session` frequency. Per visit it keeps when it started,
 * how many pages it has seen, and the referrer and utm_* parameters of its landing page; per
 * visitor (localStorage) how many visits there have been. Nothing of this goes to the server.
 */
import { parseJson, type KeyValueStore } from '../client/local-store.ts';
import { isRecord } from '../client/stored-shapes.ts';

export interface VisitFacts {
  /** When this visit started (ms since epoch). */
  start: number;
  /** Pages seen in this visit, the current one included. */
  pageViews: number;
  /** Visits by this browser, this one included: more than one is a returning visitor. */
  visits: number;
  /** document.referrer of the visit's first page. */
  referrer: string;
  /** utm_* of the visit's landing page, by name without the prefix (`source`, `campaign`…). */
  utm: Record<string, string>;
}

interface StoredVisit {
  start: number;
  pageViews: number;
  referrer: string;
  utm: Record<string, string>;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isStoredVisit(value: unknown): value is StoredVisit {
  return (
    isRecord(value) &&
    isCount(value.start) &&
    isCount(value.pageViews) &&
    typeof value.referrer === 'string' &&
    isRecord(value.utm)
  );
}

function utmOf(href: string): Record<string, string> {
  const utm: Record<string, string> = {};
  try {
    for (const [name, value] of new URL(href).searchParams) if (name.startsWith('utm_')) utm[name.slice(4)] = value;
  } catch {
    // not a URL we can read: no campaign
  }
  return utm;
}

/**
 * Counts this page view (`landing` is the page the widget loaded on) and returns the facts so far;
 * a page in a visit not seen before starts a new visit.
 */
export function countPageView(
  local: KeyValueStore,
  session: KeyValueStore,
  landing: { href: string; referrer: string },
  now: number,
): VisitFacts {
  const stored = parseJson(session.read('visit'));
  let visits = Number(local.read('visit'));
  if (!isCount(visits)) visits = 0;
  let visit: StoredVisit;
  if (isStoredVisit(stored)) {
    visit = stored;
  } else {
    visit = { start: now, pageViews: 0, referrer: landing.referrer, utm: utmOf(landing.href) };
    local.write('visit', String(++visits));
  }
  visit = { ...visit, pageViews: visit.pageViews + 1 };
  session.write('visit', JSON.stringify(visit));
  return { ...visit, visits: Math.max(visits, 1) };
}
