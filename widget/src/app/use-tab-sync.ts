/**
 * @module Opens and closes the panel in the visitor's other tabs of the same site together with
 * this one (messages already reach every tab: the server echoes to all of a visitor's sockets),
 * and opens a new tab's panel when the other tabs have theirs open.
 */
import { useEffect, useRef } from 'preact/hooks';
import { createTabSync, type TabSync } from '../client/tab-sync.ts';

export function useTabSync(siteKey: string | undefined, open: boolean, setOpen: (open: boolean) => void): void {
  // the last state this tab and the others agree on: a change from another tab is applied, never
  // echoed. Tabs start closed, so a panel opened before the first draw (the API, the loader's
  // stand-in launcher) is still announced.
  const agreed = useRef(false);
  // whether this tab still waits for the others' state: only until it changes its own
  const asking = useRef(false);
  const current = useRef(open);
  current.current = open;
  const channel = useRef<TabSync | null>(null);
  const apply = useRef(setOpen);
  apply.current = setOpen;
  useEffect(() => {
    if (siteKey === undefined) return;
    const sync = createTabSync(siteKey, (message) => {
      if ('ask' in message) {
        sync.post({ open: current.current, reply: true });
        return;
      }
      if (message.reply) {
        // An answer opens a tab still closed as it started; it never closes one: this tab may have
        // been opened a moment ago, before its own announcement went out.
        if (!asking.current || !message.open || current.current) return;
      }
      asking.current = false;
      agreed.current = message.open;
      apply.current(message.open);
    });
    channel.current = sync;
    // a tab opened with the panel open (the API) tells the others instead of asking them
    asking.current = !current.current;
    if (asking.current) sync.post({ ask: true });
    return () => {
      sync.close();
      channel.current = null;
    };
  }, [siteKey]);
  useEffect(() => {
    if (open === agreed.current) return;
    agreed.current = open;
    asking.current = false;
    channel.current?.post({ open });
  }, [open]);
}
