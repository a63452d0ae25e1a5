/**
 * @module Agent formatting made safe: the Markdown subset rendered to HTML, then sanitized by
 * DOMPurify down to a few tags. DOMPurify is 12 KB gzipped, so this whole module is imported
 * dynamically (message-body.tsx) the first time an agent message actually contains markup.
 */
import purify from 'dompurify';
import { RICH_TEXT_POLICY } from '@parley/shared/client-core';
import { renderMarkdown } from './markdown-subset.ts';

// the console sanitizes with the same policy, so both sides keep the same formatting
const ALLOWED_TAGS = [...RICH_TEXT_POLICY.allowedTags];
const ALLOWED_ATTR = [...RICH_TEXT_POLICY.allowedAttributes];

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  // DOMPurify already drops javascript:; narrow further to the three schemes we link
  if (!RICH_TEXT_POLICY.linkSchemes.test(href)) node.removeAttribute('href');
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

/** Returns a DocumentFragment with only the allowed formatting left; nothing in it can run. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, RETURN_DOM_FRAGMENT: true });
}

/** An agent's Markdown as safe DOM nodes. */
export function renderRichText(body: string): DocumentFragment {
  return sanitizeToFragment(renderMarkdown(body));
}
