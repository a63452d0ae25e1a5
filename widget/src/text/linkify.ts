/**
 * @module Finds links in plain message text. Returns segments rather than HTML so the UI builds
 * DOM nodes (text nodes and <a>) itself: nothing a visitor or agent writes is ever parsed as markup.
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) URLs and mailto: — the only schemes a message may link to
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
// punctuation that ends a sentence is rarely part of the URL it follows
const TRAILING = /[.,;:!?)\]'}]+$/;

/** The href a link may have, or null: only http, https and mailto ever become clickable. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (href === null || raw === '') continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
