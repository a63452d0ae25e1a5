/**
 * @module The text of an inbound mail: its text/plain part, or, for a mail that has only HTML (with
 * attachments or not), that HTML as text. html-to-text is told to keep paragraphs as written: no
 * hard wrap at 80 columns, a rule is a paragraph break (not 80 dashes), headings keep their case,
 * a blockquote is `> ` lines, so the quote stripper reads HTML mail the way it reads plain text.
 */
import type { HtmlToTextOptions } from 'html-to-text';
import type { ParsedMail } from 'mailparser';
import { trimLineEnds } from './tidy-text.ts';

const block = { leadingLineBreaks: 1, trailingLineBreaks: 1 };

const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'hr', format: 'blockString', options: { string: '' } },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    // inline images are attachments (listed apart) or remote pictures; their URLs are noise here
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
    // layout tables (signatures, Outlook): a row per line, cells side by side
    { selector: 'table', format: 'block', options: block },
    { selector: 'tr', format: 'block', options: block },
    { selector: 'td', format: 'inlineSurround', options: { prefix: '', suffix: ' ' } },
    { selector: 'th', format: 'inlineSurround', options: { prefix: '', suffix: ' ' } },
  ],
};

/**
 * Deepest nesting we hand to html-to-text: its parser is quadratic in the depth and its walk
 * overflows the stack near 2000 levels (mailparser guards its own conversion the same way).
 * Real mail stays far below; browsers flatten anything past 512.
 */
const MAX_DEPTH = 1000;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'wbr',
]);
/** Closed by their next sibling, so a run of them does not nest. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);

/** An upper bound of the nesting depth, in one pass: an end tag closes only an element of its name. */
function tooDeep(html: string): boolean {
  const open = new Map<string, number>();
  let depth = 0;
  for (const [, closing, tag = ''] of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)/g)) {
    const name = tag.toLowerCase();
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    const count = open.get(name) ?? 0;
    if (closing) {
      if (count > 0) {
        open.set(name, count - 1);
        depth--;
      }
    } else {
      open.set(name, count + 1);
      if (++depth > MAX_DEPTH) return true;
    }
  }
  return false;
}

export async function htmlToText(html: string): Promise<string> {
  if (tooDeep(html)) {
    // Still the visitor's words: without the markup, if not laid out.
    return html
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/[ \t]+/g, ' ');
  }
  // loaded on the first HTML-only mail, like mailparser: most processes never read one
  const { convert } = await import('html-to-text');
  // cells end with a space, so the last one of a row leaves one behind
  return trimLineEnds(convert(html, HTML_TO_TEXT));
}

/**
 * The text the visitor sent. Parse with `skipHtmlToText`: mailparser's text is then only what
 * text/plain parts held, and HTML is converted here, also when mailparser would have skipped it
 * (an HTML-only mail with an attachment has no text in mailparser's reading).
 */
export async function mailText(parsed: ParsedMail): Promise<string> {
  const text = parsed.text ?? '';
  if (text.trim() !== '' || typeof parsed.html !== 'string') return text;
  return htmlToText(parsed.html);
}
