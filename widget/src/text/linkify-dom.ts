/**
 * @module Makes the links in a message's text clickable by building DOM nodes (text nodes and <a>
 * with rel="noopener noreferrer", target=_blank): no HTML is parsed. A chunk of its own, fetched
 * the first time a message contains a link (message-body.tsx).
 */
import { linkify } from './linkify.ts';

export function linkifyInto(element: Element, text: string): void {
  element.replaceChildren(
    ...linkify(text).map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const link = document.createElement('a');
      link.href = segment.href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = segment.text;
      return link;
    }),
  );
}
