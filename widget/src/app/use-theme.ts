/**
 * @module The widget's colours: the site's theme setting (light, dark, or auto: the visitor's
 * prefers-color-scheme, followed live) and the accent's palette for that scheme from
 * @parley/shared/design, so text on the accent and the focus ring stay readable whatever colour
 * the site picked; plus whether the launcher needs a ring to stand out from the host page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WidgetTheme } from '@parley/shared';
import { textColorOn } from '@parley/shared/client-core';
import { accentPalette, standsOut, type ColorScheme } from '@parley/shared/design';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The scheme to draw in: the site's choice, or the visitor's system setting for `auto`. */
export function useColorScheme(theme: WidgetTheme | undefined): ColorScheme {
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const [systemDark, setSystemDark] = useState(media?.matches ?? false);
  useEffect(() => {
    if (theme !== 'auto' || !media) return;
    const onChange = (event: MediaQueryListEvent): void => setSystemDark(event.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);
  // a server from before themes sends none: the light widget it always had
  return theme === 'dark' || (theme === 'auto' && systemDark) ? 'dark' : 'light';
}

/** tokens.css's accent properties for `accent` (any colour safeColor passed) in `scheme`. */
export function accentStyle(accent: string, scheme: ColorScheme): Record<string, string> {
  const palette: Record<string, string> = { ...accentPalette(accent, scheme) };
  // rgb()/hsl()/named colours (the host page's setTheme) are used as they are; only hex gets shades
  if (!accent.startsWith('#')) {
    palette['--p-accent'] = accent;
    palette['--p-on-accent'] = textColorOn(accent);
  }
  return palette;
}

/** "rgb(r, g, b)" or "rgba(…)" as #rrggbb; null when transparent or unreadable. */
export function opaqueHex(computed: string): string | null {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(computed.trim());
  if (!match || (match[4] !== undefined && Number(match[4]) < 0.5)) return null;
  return `#${match
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The host page's background behind the launcher: the body's, else the root's, else the canvas (white). */
export function pageBackground(): string {
  for (const element of [document.body, document.documentElement]) {
    const color = element && opaqueHex(getComputedStyle(element).backgroundColor);
    if (color) return color;
  }
  return '#ffffff';
}

/** Whether the launcher, in the accent colour, would blend into the page (under 3:1): then it gets a ring. */
export function launcherNeedsRing(accent: string): boolean {
  return !standsOut(accent, pageBackground());
}
