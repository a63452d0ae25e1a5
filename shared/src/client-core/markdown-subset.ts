/**
 * @module The Markdown agents may write: **bold**, *italics* or _italics_, "- " and "1. " lists and
 * [links](https://…), rendered the same way in the widget and the console. Produces an HTML string
 * that is ALWAYS passed through each client's sanitizer (DOMPurify, with RICH_TEXT_POLICY below)
 * before it reaches the DOM; the escaping here is the first wall, DOMPurify the second. `hasMarkup`
 * is separate and tiny so the widget decides in its main chunk whether to load the renderer at all.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inline(escaped: string): string {
  return escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
      // the URL was escaped with the rest of the line, so it is already safe inside the quotes
      // only absolute http(s) and mailto links; the sanitizer's hook checks the same again
      return /^(https?:\/\/|mailto:)/i.test(url) ? `<a href="${url}">${label}</a>` : whole;
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

/** What the sanitizer keeps of rendered Markdown: a few tags, links only to these schemes. */
export const RICH_TEXT_POLICY = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: ['href'],
  linkSchemes: /^(https?:|mailto:)/i,
} as const;

/** The words of a formatted message without its marks, for one-line previews and notifications. */
export function markdownToPlainText(body: string): string {
  return body
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1')
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '');
}
