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
    // visualViewport also resizes with the window; browsers without it only have the window's
    const target = window.visualViewport ?? window;
    target.addEventListener('resize', update);
    target.addEventListener('scroll', update);
    return () => {
      target.removeEventListener('resize', update);
      target.removeEventListener('scroll', update);
    };
  }, []);
  return viewport;
}
