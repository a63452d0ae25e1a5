/**
 * @module The editor's live preview: the body rendered by the server with the public pages' own rules
 * (so the preview is what readers will see, and no script in a body ever runs here), asked for a
 * moment after the typing stops, a stale answer never shown over a newer one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../../../components/api-context.ts';
import { failure } from './help-failure.ts';

const PAUSE_MS = 300;

export type Preview = { status: 'loading' } | { status: 'ready'; html: string } | { status: 'failed'; message: string };

export function useMarkdownPreview(siteId: string, body: string): Preview {
  const { help } = useApi();
  const [preview, setPreview] = useState<Preview>({ status: 'loading' });
  const latest = useRef(0);
  useEffect(() => {
    const asked = ++latest.current;
    const timer = setTimeout(() => {
      help.preview(siteId, body).then(
        (html) => {
          if (asked === latest.current) setPreview({ status: 'ready', html });
        },
        (caught: unknown) => {
          if (asked === latest.current)
            setPreview({ status: 'failed', message: failure(caught, 'The preview could not be made.') });
        },
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [help, siteId, body]);
  return preview;
}
