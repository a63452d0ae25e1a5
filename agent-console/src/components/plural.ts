/**
 * @module Counted words in English ("1 rating", "3 ratings"), chosen by Intl.PluralRules rather than
 * by `n === 1`, so the console's one language is right for every count (0, 1, 1.5, …) and a second
 * language only needs its own forms.
 */
const rules = new Intl.PluralRules('en');

/** `forms`: the word for one and for other counts, e.g. ['rating', 'ratings']. */
export function countOf(count: number, [one, other]: readonly [string, string]): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
