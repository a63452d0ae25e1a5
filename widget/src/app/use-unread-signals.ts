/**
 * @module Tells the visitor about unread agent messages outside the panel: "(2) Title" in the page
 * title (the page's own title comes back on open and on unmount) and, if enabled, a sound when the
 * count goes up.
 */
import { useEffect, useRef } from 'preact/hooks';
import { titleBadge } from '../client/unread.ts';

export function useUnreadSignals(unread: number, sound: boolean): void {
  const badge = useRef<ReturnType<typeof titleBadge> | null>(null);
  const previous = useRef(unread);
  useEffect(() => {
    badge.current ??= titleBadge();
    badge.current.show(unread);
    // the sound is off by default, so its code is fetched only by sites that turn it on
    if (sound && unread > previous.current) void import('../client/chime.ts').then((chime) => chime.playChime());
    previous.current = unread;
  }, [unread, sound]);
  useEffect(() => () => badge.current?.restore(), []);
}
