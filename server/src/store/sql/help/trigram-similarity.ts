/**
 * @module How alike two words are by their trigrams (pg_trgm's method: the word padded with two spaces
 * before and one after, cut in threes), as the Dice coefficient. The SQLite fallback scores its
 * candidates with it, so "shiping" finds "shipping" and "refnud" finds "refund" but "return" does not.
 */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const chars = Array.from(padded);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The average over query words of each one's best similarity to a word of the text. */
export function textSimilarity(queryWords: string[], textWords: string[]): number {
  if (queryWords.length === 0) return 0;
  const candidates = [...new Set(textWords)].map(trigrams);
  let total = 0;
  for (const word of queryWords) {
    const own = trigrams(word);
    let best = 0;
    for (const candidate of candidates) best = Math.max(best, similarity(own, candidate));
    total += best;
  }
  return total / queryWords.length;
}
