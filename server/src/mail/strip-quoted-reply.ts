/**
 * @module Keeps what the visitor wrote in an emailed reply. Above the quote, below it or between
 * quoted lines, every line of theirs stays; a quote they answer below stays as context (its last
 * paragraph, as `> ` lines); the rest goes: the history after their last words, attribution lines
 * ("On … wrote:", wrapped or not), Outlook's header block, our own "reply above this line" marker,
 * signatures after "-- ", device signatures, mailing-list footers, and a sign-off when it is surely
 * one. Returns '' when nothing of the visitor's is left; the caller then keeps the whole text.
 */
import { REPLY_ABOVE_LINE } from './mail-body.ts';
import {
  QUOTED,
  attributionLength,
  isBlank,
  isDeviceSignature,
  isForwardMarker,
  isHeaderBlock,
  isListFooter,
  isOriginalMessageRule,
  isRule,
  isSignatureDelimiter,
  unquoted,
} from './quote-patterns.ts';
import { signOffLength, type Sender } from './sign-off.ts';
import { tidyText, trimLineEnds } from './tidy-text.ts';

export type { Sender } from './sign-off.ts';

type Kind = 'own' | 'quote' | 'blank' | 'drop';

/** Quoted lines kept above an answer, at most: enough for the question it answers. */
const MAX_CONTEXT_LINES = 10;

export function stripQuotedReply(text: string, sender: Sender = {}): string {
  const lines = normalize(text).split('\n');
  const end = historyStart(lines);
  const kinds = lines
    .slice(0, end)
    .map((line): Kind => (isBlank(line) ? 'blank' : QUOTED.test(line) ? 'quote' : 'own'));
  dropAttributions(lines, kinds);
  dropSignatures(lines, kinds);
  dropSignOff(lines, kinds, sender);
  const lastOwn = kinds.lastIndexOf('own');
  if (lastOwn === -1) return '';
  const keep = kinds.map((k) => k === 'own' || k === 'blank');
  keepContext(lines, kinds, keep, lastOwn);
  return assemble(lines, keep, lastOwn);
}

/** Line ends, trailing spaces, and the invisible characters clients slip in (iOS quotes start with a BOM). */
function normalize(text: string): string {
  return trimLineEnds(text.replace(/\uFEFF|\u200B|\u200C|\u200D|\u2060/g, '').replace(/\u00A0/g, ' '));
}

/**
 * Where unquoted history begins: our marker, an "Original Message" rule, a header block (with the
 * rule drawn above it), an attribution not followed by a quote (the history below carries no `>`),
 * or a list footer. Everything from there on is not the visitor's; a forward marker above them all
 * means there is no history, only a mail the visitor shows us.
 */
function historyStart(lines: readonly string[]): number {
  let above = -1; // the last line with something on it
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (!QUOTED.test(line)) {
      // A forwarded mail is shown on purpose: nothing below it is history to drop.
      if (isForwardMarker(line)) return lines.length;
      if (line.includes(REPLY_ABOVE_LINE) || isOriginalMessageRule(line) || isListFooter(lines, i)) return i;
      const ruleAbove = above !== -1 && isRule(lines[above] ?? '');
      if (isHeaderBlock(lines, i, ruleAbove)) return ruleAbove ? above : i;
      const attribution = attributionLength(lines, i);
      if (attribution > 0) {
        const next = nextNonBlank(lines, i + attribution);
        if (next !== -1 && !QUOTED.test(lines[next] ?? '')) return i;
        i += attribution - 1;
      }
    }
    above = i;
  }
  return lines.length;
}

/** Attribution lines above a quote: they say who wrote it, and the ticket knows that already. */
function dropAttributions(lines: readonly string[], kinds: Kind[]): void {
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'own') continue;
    const n = attributionLength(lines, i);
    for (let j = i; j < i + n && j < kinds.length; j++) kinds[j] = 'drop';
    if (n > 0) i += n - 1;
  }
}

/** A signature after "-- " and phone signatures: dropped; the visitor's own lines around them stay. */
function dropSignatures(lines: readonly string[], kinds: Kind[]): void {
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'own') continue;
    const line = lines[i] ?? '';
    if (isSignatureDelimiter(line)) {
      // The signature runs to the next quote, if any: the answers of an interleaved reply stay.
      for (let j = i; j < kinds.length && kinds[j] !== 'quote'; j++) kinds[j] = 'drop';
    } else if (isDeviceSignature(line) && isParagraph(kinds, i)) {
      kinds[i] = 'drop';
    }
  }
}

/** The last paragraph of the visitor's, when it is a sign-off and something of theirs stands above it. */
function dropSignOff(lines: readonly string[], kinds: Kind[], sender: Sender): void {
  const last = kinds.lastIndexOf('own');
  if (last === -1) return;
  let first = last;
  while (first > 0 && kinds[first - 1] === 'own') first--;
  const n = signOffLength(lines.slice(first, last + 1), sender);
  if (n === 0 || !kinds.slice(0, last + 1 - n).includes('own')) return;
  for (let i = last + 1 - n; i <= last; i++) kinds[i] = 'drop';
}

/** A line with nothing of the visitor's right above or below it. */
function isParagraph(kinds: readonly Kind[], i: number): boolean {
  return kinds[i - 1] !== 'own' && kinds[i + 1] !== 'own';
}

/**
 * Each quote the visitor answers below keeps its last paragraph (without a quoted signature, marker
 * or attribution): the question the answer is about. Quotes after their last words are history.
 */
function keepContext(lines: readonly string[], kinds: readonly Kind[], keep: boolean[], lastOwn: number): void {
  let i = 0;
  while (i < lastOwn) {
    if (kinds[i] !== 'quote') {
      i++;
      continue;
    }
    let end = i;
    while (end < kinds.length && kinds[end] === 'quote') end++;
    const paragraph = lastParagraph(lines, i, end);
    for (const j of paragraph.slice(-MAX_CONTEXT_LINES)) keep[j] = true;
    i = end;
  }
}

function lastParagraph(lines: readonly string[], start: number, end: number): number[] {
  let paragraphs: number[][] = [[]];
  for (let j = start; j < end; j++) {
    const content = unquoted(lines[j] ?? '').trim();
    if (isSignatureDelimiter(content)) break;
    if (content === '' || content.includes(REPLY_ABOVE_LINE) || attributionLength([content], 0) > 0) {
      paragraphs.push([]);
    } else {
      paragraphs.at(-1)?.push(j);
    }
  }
  paragraphs = paragraphs.filter((p) => p.length > 0);
  return paragraphs.at(-1) ?? [];
}

/**
 * The kept lines in their order. Where lines were left out between two kept ones, a blank line
 * stands in their place, so a quote never runs into the answer below it.
 */
function assemble(lines: readonly string[], keep: readonly boolean[], lastOwn: number): string {
  const out: string[] = [];
  let gap = false;
  for (let i = 0; i <= lastOwn; i++) {
    if (!keep[i]) {
      gap = out.length > 0;
      continue;
    }
    if (gap && out.at(-1) !== '') out.push('');
    gap = false;
    out.push(lines[i] ?? '');
  }
  return tidyText(out.join('\n'));
}

function nextNonBlank(lines: readonly string[], i: number): number {
  for (let j = i; j < lines.length; j++) if (!isBlank(lines[j] ?? '')) return j;
  return -1;
}
