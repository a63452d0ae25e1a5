/**
 * @module Help articles' Markdown → HTML, safely: markdown-it (CommonMark with tables and
 * strikethrough) with raw HTML off, so `<script>` in a body is shown as text, and every link and
 * image checked: links may be http(s), mailto (the chat's RICH_TEXT_POLICY schemes) or relative;
 * images http(s) or relative (no data: or javascript: of any spelling). The widget's reader and the
 * public pages show the same HTML.
 */
import MarkdownIt from 'markdown-it';
import { RICH_TEXT_POLICY } from '@parley/shared/client-core';

/** A URL with no scheme (a path, a fragment, a query): stays on the help center. */
const RELATIVE = /^(?:[/#?.]|[^:/?#]*(?:[/?#]|$))/;

function allowed(url: string, schemes: RegExp): boolean {
  // browsers ignore tabs, newlines and leading control characters and spaces inside a scheme
  const cleaned = url.replace(/[\p{Cc}\s]/gu, '');
  return schemes.test(cleaned) || (RELATIVE.test(cleaned) && !/^[a-z][a-z0-9+.-]*:/i.test(cleaned));
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url) => allowed(url, RICH_TEXT_POLICY.linkSchemes);

const defaultImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token?.attrGet('src') ?? '');
  // a picture from anywhere but http(s) or this site is not shown; its description is
  if (!token || !allowed(src, /^https?:/i)) return md.utils.escapeHtml(token?.content ?? '');
  token.attrSet('loading', 'lazy');
  return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

const defaultLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  // links out of the help center do not hand it the reader's window
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener');
  return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderArticle(markdown: string): string {
  return md.render(markdown);
}

/** The words of an article without its marks, for meta descriptions and structured data. */
export function articlePlainText(markdown: string, maxLength = 300): string {
  const words: string[] = [];
  for (const token of md.parse(markdown, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words.push(child.content);
    }
    if (words.join(' ').length > maxLength) break;
  }
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
