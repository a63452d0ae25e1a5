/**
 * @module What the language model wrote, turned into what the visitor may read (issue 22). The model's
 * output is only ever text, and only these parts of it count: the answer, the sources it cites, and
 * the handoff marker. Citations `[n]` of a source that was not retrieved are dropped, the others are
 * numbered in the order they first appear (so [1] is the first card shown); a link is kept only when
 * `allowedUrl` says so (the bot allows the retrieved articles' pages), else only its words remain. Run on the text so
 * far while it streams (`partial`: a marker, citation or link still being written is held back) and
 * on the whole answer at the end, with the same result for the same text.
 */
import { HANDOFF_MARKER } from './llm-prompt.ts';

/** Characters of an answer at most (a message holds 5,000). */
export const ANSWER_MAX = 4000;

export interface ReadAnswer {
  /** The model said the sources do not cover the question. */
  handoff: boolean;
  /** The answer as the visitor reads it (empty: nothing to show yet, or nothing at all). */
  text: string;
  /** The numbers of the sources cited, in the order of the answer's `[1]`, `[2]`… */
  cited: number[];
}

const isMarker = (line: string): boolean =>
  line
    .replace(/[*_`.!"'\s]/g, '')
    .toUpperCase()
    .replace(/^\[?|\]?$/g, '') === HANDOFF_MARKER;

export function readAnswer(
  raw: string,
  options: { sources: number; allowedUrl: (url: string) => boolean; partial: boolean },
): ReadAnswer {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  if (lines.some(isMarker)) return { handoff: true, text: '', cited: [] };
  let text = lines.join('\n');
  if (options.partial) {
    // the line being written may become the marker: shown once it cannot
    const last = lines.at(-1) ?? '';
    const word = last.replace(/[*_`\s]/g, '').toUpperCase();
    if (word !== '' && HANDOFF_MARKER.startsWith(word)) text = lines.slice(0, -1).join('\n');
    // a citation or link cut in the middle is held back until it is whole
    text = text.replace(/\[[\d,\s]*$|\[[^\]\n]*\]\([^)\s]*$|https?:\/\/\S*$/, '');
  }
  const cited: number[] = [];
  text = text.replace(/(\s*)\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g, (_whole, space: string, list: string) => {
    const kept = list
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= options.sources)
      .map((n) => {
        if (!cited.includes(n)) cited.push(n);
        return cited.indexOf(n) + 1;
      });
    // a dropped citation takes its space with it
    return kept.length === 0 ? '' : `${space}${[...new Set(kept)].map((n) => `[${n}]`).join('')}`;
  });
  text = text
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, (whole, words: string, url: string) =>
      options.allowedUrl(url) ? whole : words,
    )
    .replace(/https?:\/\/[^\s<>()\]]+/g, (url) => {
      const bare = url.replace(/[.,;:!?'"]+$/, '');
      return options.allowedUrl(bare) ? url : url.slice(bare.length);
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // a refused link taken out can leave the marker alone on its line ("HANDOFFhttps://…"): still the marker
  if (text.split('\n').some(isMarker)) return { handoff: true, text: '', cited: [] };
  if (text.length > ANSWER_MAX) {
    const cut = text.slice(0, ANSWER_MAX);
    text = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), ANSWER_MAX / 2))}…`;
  }
  return { handoff: false, text, cited };
}
