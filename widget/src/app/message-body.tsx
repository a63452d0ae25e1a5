/**
 * @module One message's text, always shown first as plain text. Two upgrades load on demand, each
 * a small chunk of its own: links made clickable (linkify-dom, for any message with a URL), and an
 * agent's Markdown subset rendered and sanitized (DOMPurify), which replaces the text.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { hasMarkup } from '../text/has-markup.ts';

const HAS_LINK = /https?:\/\/|mailto:/i;

export function MessageBody({ body, formatted }: { body: string; formatted: boolean }): JSX.Element {
  const rich = formatted && hasMarkup(body);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Preact renders no children here, so it never fights over the nodes put in below
    element.textContent = body;
    if (!rich && !HAS_LINK.test(body)) return;
    let current = true;
    const upgrade = rich
      ? import('../text/sanitize.ts').then((m) => current && element.replaceChildren(m.renderRichText(body)))
      : import('../text/linkify-dom.ts').then((m) => current && m.linkifyInto(element, body));
    // a chunk that fails to load (offline) leaves the plain text, which is safe and readable
    upgrade.catch(() => {});
    return () => {
      current = false;
    };
  }, [body, rich]);
  // dir="auto": English in an Arabic widget (and the reverse) reads in its own direction
  return <div class={rich ? 'body rich' : 'body'} dir="auto" ref={ref} />;
}
