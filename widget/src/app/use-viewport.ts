/**
 * @module The visible viewport's height on phones: visualViewport shrinks when the on-screen
 * keyboard opens (100vh does not), so a panel sized from it keeps the composer above the keyboard.
 */
import { useEffect, useState } from 'preact/hooks';

export const MOBILE_MAX_WIDTH = 480;

export interface Viewport {
  mobile: boolean;
  /** Height in CSS pixels of what is actually visible, and its offset from the layout viewport's top. */
  height: number;
  top: number;
}

function read(): Viewport {
  const vv = window.visualViewport;
  return {
    mobile: window.innerWidth < MOBILE_MAX_WIDTH,
    height: vv?.height ?? window.innerHeight,
    top: vv?.offsetTop ?? 0,
  };
}

export function useViewport(): Viewport {
  const [viewport, setViewport] = useState(read);
  useEffect(() => {
    const update = (): void => setViewport(read());
    const vv = window.visualViewport;
    vv?.addEventListener('resize', update);
    vv?.addEventListener('scroll', update);
    window.addEventListener('resize', update);
    return () => {
      vv?.removeEventListener('resize', update);
      vv?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);
  return viewport;
}
