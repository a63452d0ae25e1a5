/**
 * @module One message's text. Visitors' messages and plain agent messages are text with links;
 * an agent message using the Markdown subset is rendered to HTML and sanitized (DOMPurify, loaded
 * only now) before it replaces the plain text it first shows as.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { hasMarkup } from '../text/has-markup.ts';
import { LinkedText } from './linked-text.tsx';

export function MessageBody({ body, formatted }: { body: string; formatted: boolean }): JSX.Element {
  if (!formatted || !hasMarkup(body)) {
    return (
      <p class="body">
        <LinkedText text={body} />
      </p>
    );
  }
  return <RichBody body={body} />;
}

function RichBody({ body }: { body: string }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Preact renders no children here, so it never fights over nodes we put in ourselves
    element.textContent = body;
    let current = true;
    import('../text/sanitize.ts').then(
      (rich) => {
        if (current) element.replaceChildren(rich.renderRichText(body));
      },
      () => {
        // the sanitizer failed to load (offline): the plain text stays, which is safe and readable
      },
    );
    return () => {
      current = false;
    };
  }, [body]);
  return <div class="body rich" ref={ref} />;
}
