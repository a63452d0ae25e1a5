/**
 * @module The words of a search query, bounded: letters and digits only (so nothing a user types is
 * ever search syntax to either engine), at most MAX_TERMS words of at most MAX_TERM_LENGTH characters,
 * and whether the last word is still being typed (no space after it), which makes it a prefix.
 */
const WORD = /[\p{L}\p{N}]+/gu;
export const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 40;

export interface SearchTerms {
  words: string[];
  /** The last word is a prefix: the visitor has not finished typing it. */
  prefixLast: boolean;
}

export function searchTerms(query: string): SearchTerms {
  const bounded = query.slice(0, 1000);
  const words = (bounded.toLowerCase().match(WORD) ?? [])
    .map((w) => Array.from(w).slice(0, MAX_TERM_LENGTH).join(''))
    .slice(0, MAX_TERMS);
  return { words, prefixLast: words.length > 0 && /[\p{L}\p{N}]$/u.test(bounded) };
}
