/**
 * @module A message's text as the visitor sees it: an agent's Markdown subset (bold, italics, lists,
 * links) rendered by the shared client core's renderer and sanitized by DOMPurify with the widget's
 * allow-list, so the agent no longer reads raw `**shipped today**`. Everything else stays plain text.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import purify from 'dompurify';
import { hasMarkup, renderMarkdown, RICH_TEXT_POLICY } from '@parley/shared/client-core';

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  // DOMPurify already drops javascript:; narrow further to the schemes the widget links
  if (!RICH_TEXT_POLICY.linkSchemes.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

/** An agent's Markdown as safe DOM nodes: nothing in them can run. */
export function renderRichText(body: string): DocumentFragment {
  return purify.sanitize(renderMarkdown(body), {
    ALLOWED_TAGS: [...RICH_TEXT_POLICY.allowedTags],
    ALLOWED_ATTR: [...RICH_TEXT_POLICY.allowedAttributes],
    RETURN_DOM_FRAGMENT: true,
  });
}

/** `formatted`: the author may format (agents); visitors' text is always shown as typed. */
export function MessageText({ body, formatted }: { body: string; formatted: boolean }) {
  const rich = formatted && hasMarkup(body);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Preact renders no children into the rich body, so it never fights over these nodes
    if (rich) ref.current?.replaceChildren(renderRichText(body));
  }, [body, rich]);
  if (!rich) return <p class="message__body">{body}</p>;
  return <div class="message__body message__body--rich" ref={ref} />;
}
