/**
 * @module The Markdown agents may write: **bold**, *italics* or _italics_, "- " and "1. " lists and
 * [links](https://…). Produces an HTML string that is ALWAYS passed through the sanitizer before it
 * reaches the DOM; the escaping here is the first wall, DOMPurify the second.
 */
import { safeHref } from './linkify.ts';

/** Whether a message uses any of the subset, so plain messages never load the sanitizer. */
export function hasMarkup(body: string): boolean {
  return /\*\*\S|(^|\s)[*_]\S|\[[^\]]+\]\([^)]+\)|^\s*(?:[-*]|\d+\.)\s/m.test(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inline(escaped: string): string {
  return escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
      // the URL was escaped with the rest; undo only the entity for & so query strings survive
      const href = safeHref(url.replace(/&#38;/g, '&'));
      return href === null ? whole : `<a href="${escapeHtml(href)}">${label}</a>`;
    })
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=$|[\s.,;:!?)])/g, '$1<em>$2</em>');
}

export function renderMarkdown(body: string): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const closeList = (): void => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of escapeHtml(body).split('\n')) {
    const item = /^\s*(?:([-*])|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const kind = item[1] === undefined ? 'ol' : 'ul';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(item[2] ?? '')}</li>`);
      continue;
    }
    closeList();
    out.push(line === '' ? '<br>' : `<p>${inline(line)}</p>`);
  }
  closeList();
  return out.join('');
}
