/**
 * @module Plain message text with its links made clickable, built as Preact nodes (text and <a>):
 * no HTML string is ever parsed, so markup in a message shows literally.
 */
import type { JSX } from 'preact';
import { linkify } from '../text/linkify.ts';

export function LinkedText({ text }: { text: string }): JSX.Element {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ),
      )}
    </>
  );
}
