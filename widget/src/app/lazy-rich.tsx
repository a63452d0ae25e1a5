/**
 * @module Shows an agent's rich content (rich-content.tsx, a chunk of its own) under the message
 * text. Until the chunk is in, or if it cannot load (offline), the message's plain-text fallback
 * stands in, which is safe and readable.
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type * as Rich from './rich-content.tsx';
import { MessageBody } from './message-body.tsx';

let rich: typeof Rich | null = null;

export function LazyRich(props: Rich.RichContentProps): JSX.Element {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (!rich)
      import('./rich-content.tsx').then(
        (module) => loaded((rich = module) && 1),
        () => {},
      );
  }, []);
  return rich ? <rich.RichContent {...props} /> : <MessageBody body={props.message.body} formatted />;
}
