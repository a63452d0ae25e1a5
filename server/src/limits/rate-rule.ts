/**
 * @module The `N/period` notation of the RATE_LIMIT_* variables: `10/10s,100/10m` allows 10 in any
 * fixed window of 10 seconds and 100 in any of 10 minutes. `off` allows everything.
 */

/** At most `points` in a window of `seconds` that starts with the first one counted. */
export interface RateRule {
  points: number;
  seconds: number;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const RULE = /^(\d+)\s*\/\s*(\d*)\s*(s|m|h|d)$/;

/**
 * The rules of one variable, or a sentence saying what is wrong. Windows are whole seconds: the
 * Redis store keeps its counters with second-granularity expiry.
 */
export function parseRateRules(text: string): RateRule[] | string {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return [];
  const rules: RateRule[] = [];
  for (const part of trimmed.split(',')) {
    const match = RULE.exec(part.trim());
    if (!match) return `"${part.trim()}" is not N/period (e.g. 10/10s, 100/10m, 50/1d) or off`;
    const [, points = '', count = '', unit = 's'] = match;
    const seconds = (count === '' ? 1 : Number(count)) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
    if (Number(points) < 1 || seconds < 1) return `"${part.trim()}" must allow at least 1 in at least 1 second`;
    rules.push({ points: Number(points), seconds });
  }
  return rules;
}
