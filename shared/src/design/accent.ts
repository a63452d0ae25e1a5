/**
 * @module The colours that follow a site's accent: text on it, a stronger and a softer shade, and a
 * focus ring, each chosen so it stays readable (WCAG AA) on the theme's surfaces whatever colour the
 * site picked. The widget and the console set them as CSS custom properties over tokens.css's
 * defaults. Pure arithmetic: no DOM, no zod.
 */
import { contrastRatio, parseColor, relativeLuminance } from '../client-core/contrast.ts';

export type ColorScheme = 'light' | 'dark';

/** The accent-dependent custom properties of tokens.css, as hex colours. */
export interface AccentPalette {
  '--p-accent': string;
  '--p-on-accent': string;
  '--p-accent-strong': string;
  '--p-accent-soft': string;
  '--p-on-accent-soft': string;
  '--p-focus': string;
}

/** tokens.css's surfaces and text per scheme: what the accent's shades are measured against. */
const schemeSurfaces: Record<ColorScheme, { surface: string; bg: string; text: string }> = {
  light: { surface: '#ffffff', bg: '#f6f7f9', text: '#1b1f24' },
  dark: { surface: '#171b22', bg: '#0f1217', text: '#e8ebf0' },
};

type Rgb = readonly [number, number, number];

const toRgb = (color: string): Rgb | null => {
  const rgb = parseColor(color);
  return rgb ? [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0] : null;
};
/** One of this module's own colours, known to parse. */
const own = (color: string): Rgb => {
  const rgb = toRgb(color);
  if (!rgb) throw new Error(`not a colour: ${color}`);
  return rgb;
};
const hex = (rgb: Rgb): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
/** `a` moved `amount` (0–1) of the way towards `b`, rounded as it will be written (#rrggbb), so a ratio checked is the ratio shown. */
const mix = (a: Rgb, b: Rgb, amount: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * amount),
  Math.round(a[1] + (b[1] - a[1]) * amount),
  Math.round(a[2] + (b[2] - a[2]) * amount),
];
export const contrastBetween = (a: Rgb, b: Rgb): number => contrastRatio(relativeLuminance(a), relativeLuminance(b));

/** The first of `color` moved towards `towards` in 5 % steps that reaches `ratio` against every one of `against`. */
function untilContrast(color: Rgb, towards: Rgb, against: readonly Rgb[], ratio: number): Rgb {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(color, towards, step / 20);
    if (against.every((other) => contrastBetween(candidate, other) >= ratio)) return candidate;
  }
  return towards;
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/**
 * The accent's palette in `scheme`. `accent` is a hex colour (#rgb or #rrggbb); anything else falls
 * back to tokens.css's default blue. Text on the accent is black or white, whichever reads better;
 * the focus ring and the text on the soft shade reach 3:1 and 4.5:1 on the surfaces they sit on.
 */
export function accentPalette(accent: string, scheme: ColorScheme): AccentPalette {
  const base = toRgb(accent) ?? own(scheme === 'dark' ? '#5b8def' : '#2563eb');
  const { surface, bg, text } = schemeSurfaces[scheme];
  const surfaceRgb = own(surface);
  const bgRgb = own(bg);
  const textRgb = own(text);
  const onAccent = contrastBetween(base, BLACK) > contrastBetween(base, WHITE) ? BLACK : WHITE;
  // hover/pressed: away from the text on it, so the text stays readable
  const strong = mix(base, onAccent === WHITE ? BLACK : WHITE, 0.18);
  const soft = mix(surfaceRgb, base, scheme === 'dark' ? 0.22 : 0.12);
  const onSoft = untilContrast(base, textRgb, [soft], 4.5);
  // a ring must show against the surface and the page (WCAG 2.4.11/1.4.11: 3:1)
  const focus = untilContrast(base, textRgb, [surfaceRgb, bgRgb], 3);
  return {
    '--p-accent': hex(base),
    '--p-on-accent': hex(onAccent),
    '--p-accent-strong': hex(strong),
    '--p-accent-soft': hex(soft),
    '--p-on-accent-soft': hex(onSoft),
    '--p-focus': hex(focus),
  };
}

/**
 * Whether something in the accent colour (the launcher) stands out from the page behind it by 3:1;
 * when it does not (a blue button on a blue page), the widget draws a contrasting ring around it.
 * Unknown colours count as standing out.
 */
export function standsOut(accent: string, pageBackground: string): boolean {
  const a = toRgb(accent);
  const b = toRgb(pageBackground);
  return !a || !b || contrastBetween(a, b) >= 3;
}
