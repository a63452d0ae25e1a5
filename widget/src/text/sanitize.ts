/**
 * @module Sanitizing agent-formatted HTML with DOMPurify. DOMPurify is 12 KB gzipped, so it is
 * imported dynamically the first time an agent message actually contains markup.
 */
import type { DOMPurify } from 'dompurify';

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'];
const ALLOWED_ATTR = ['href'];

let loading: Promise<DOMPurify> | null = null;

function configure(purify: DOMPurify): DOMPurify {
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    // DOMPurify already drops javascript:; narrow further to the three schemes we link
    if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purify;
}

export function loadSanitizer(): Promise<DOMPurify> {
  loading ??= import('dompurify').then((module) => configure(module.default));
  return loading;
}

/** Returns a DocumentFragment with only the allowed formatting left; nothing in it can run. */
export async function sanitizeToFragment(html: string): Promise<DocumentFragment> {
  const purify = await loadSanitizer();
  return purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, RETURN_DOM_FRAGMENT: true });
}
