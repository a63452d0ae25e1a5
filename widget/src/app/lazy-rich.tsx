/**
 * @module Shows an agent's rich content (rich-content.tsx, a chunk of its own) under the message
 * text. Until the chunk is in, or if it cannot load (offline), the message's plain-text fallback
 * stands in, which is safe and readable.
 */
import type { JSX } from 'preact';
import type * as Rich from './rich-content.tsx';
import { lazyChunk } from './lazy-chunk.ts';
import { MessageBody } from './message-body.tsx';

const { use: useRich } = lazyChunk(() => import('./rich-content.tsx'));

export function LazyRich(props: Rich.RichContentProps): JSX.Element {
  const rich = useRich(true);
  return rich ? <rich.RichContent {...props} /> : <MessageBody body={props.message.body} formatted />;
}
