/**
 * @module How well an article answers a question, the same on both engines: the help center's search
 * ranks (bm25 or ts_rank, whose numbers do not compare across engines or sites), and this scores the
 * best result as the share of the question's words the article contains, a number an admin can set a
 * threshold on (`matchThreshold`). Words are compared by their first letters, so "refunds" meets
 * "refund" and "refunded" in any language the search stems; short words ("is", "my") do not count.
 */

/** Words shorter than this carry little meaning in a question ("do", "my", "a"). */
const MIN_WORD = 3;
/** Compared by this many leading letters: a cheap stem that needs no per-language rules. */
const STEM = 5;

/** A few question words that are long enough to count but say nothing about the topic. */
const FILLER = new Set([
  ...['how', 'what', 'when', 'where', 'which', 'who', 'why', 'can', 'could', 'would', 'should', 'does'],
  ...['the', 'and', 'you', 'your', 'for', 'with', 'from', 'about', 'are', 'was', 'have', 'has'],
  ...['this', 'that', 'there', 'get', 'need', 'want', 'know', 'please', 'hello', 'thanks'],
]);

function words(text: string): string[] {
  return (
    text
      .toLocaleLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => word.length >= MIN_WORD);
}

const stem = (word: string): string => word.slice(0, STEM);

/** The share (0–1) of the question's meaningful words that the article's text contains; 0 for a question without any. */
export function matchScore(question: string, article: { title: string; summary: string; body: string }): number {
  const asked = [
    ...new Set(
      words(question)
        .filter((word) => !FILLER.has(word))
        .map(stem),
    ),
  ];
  if (asked.length === 0) return 0;
  const known = new Set(words(`${article.title} ${article.summary} ${article.body}`).map(stem));
  return asked.filter((word) => known.has(word)).length / asked.length;
}

/** At most this many characters of an article quoted in the chat. */
export const EXCERPT_MAX = 280;

/**
 * A short excerpt to quote: the article's summary, else the start of its body as plain text
 * (Markdown marks dropped), cut at a sentence or word end.
 */
export function excerptOf(article: { summary: string; body: string }): string {
  const source = article.summary.trim() !== '' ? article.summary : plainText(article.body);
  const text = source.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_MAX) return text;
  const cut = text.slice(0, EXCERPT_MAX);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > EXCERPT_MAX / 2) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 0 ? space : EXCERPT_MAX)}…`;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]/g, '');
}
