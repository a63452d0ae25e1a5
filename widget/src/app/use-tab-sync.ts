/**
 * @module Opens and closes the panel in the visitor's other tabs of the same site together with
 * this one (messages already reach every tab: the server echoes to all of a visitor's sockets).
 */
import { useEffect, useRef } from 'preact/hooks';
import { createTabSync, type TabSync } from '../client/tab-sync.ts';

export function useTabSync(siteKey: string | undefined, open: boolean, setOpen: (open: boolean) => void): void {
  // the last state this tab and the others agree on: a change from another tab is applied, never
  // echoed. Tabs start closed, so a panel opened before the first draw (the API, the loader's
  // stand-in launcher) is still announced.
  const agreed = useRef(false);
  const channel = useRef<TabSync | null>(null);
  const apply = useRef(setOpen);
  apply.current = setOpen;
  useEffect(() => {
    if (siteKey === undefined) return;
    const sync = createTabSync(siteKey, (message) => {
      agreed.current = message.open;
      apply.current(message.open);
    });
    channel.current = sync;
    return () => {
      sync.close();
      channel.current = null;
    };
  }, [siteKey]);
  useEffect(() => {
    if (open === agreed.current) return;
    agreed.current = open;
    channel.current?.post({ open });
  }, [open]);
}
