/**
 * @module WCAG contrast of the site's widget colour: the widget picks black or white text on it,
 * whichever reads better, and the console warns when the launcher (the colour on a white page)
 * falls below WCAG 1.4.11's 3:1 for non-text contrast.
 */

/** Below this ratio against a white page the launcher is hard to see (WCAG 1.4.11). */
export const MIN_LAUNCHER_CONTRAST = 3;

/** [r, g, b] 0–255 from #rgb, #rgba, #rrggbb or #rrggbbaa (alpha ignored); null for anything else. */
export function parseColor(color: string): number[] | null {
  let hex = /^#([0-9a-f]{3,8})$/i.exec(color.trim())?.[1] ?? '';
  if (hex.length < 5) hex = hex.replace(/./g, '$&$&');
  return hex.length < 6 ? null : [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

export function relativeLuminance(rgb: readonly number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** '#000' or '#fff', whichever has the higher contrast ratio on `background` (white when unknown). */
export function textColorOn(background: string): '#000' | '#fff' {
  const rgb = parseColor(background);
  if (!rgb) return '#fff';
  // black wins exactly when (L + 0.05) / 0.05 > 1.05 / (L + 0.05), i.e. L > √0.0525 − 0.05 ≈ 0.179
  return relativeLuminance(rgb) > 0.179 ? '#000' : '#fff';
}

/** Contrast ratio of `color` against white, or null when it is not a colour parseColor reads. */
export function contrastOnWhite(color: string): number | null {
  const rgb = parseColor(color);
  return rgb && contrastRatio(relativeLuminance(rgb), 1);
}
