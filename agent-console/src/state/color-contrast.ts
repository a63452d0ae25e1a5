/**
 * @module WCAG contrast of a site's widget colour against a white page: the launcher is a coloured
 * circle on the customer's page, and below 3:1 (WCAG 1.4.11, non-text contrast) it is hard to see.
 * (Text on the colour needs no warning: the widget picks black or white, whichever reads better.)
 */
export const MIN_LAUNCHER_CONTRAST = 3;

function luminance(hex: string): number | null {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = match[1];
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const channel = parseInt(value.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of `hex` against white, or null when it is not a #rrggbb colour. */
export function contrastOnWhite(hex: string): number | null {
  const l = luminance(hex);
  return l === null ? null : 1.05 / (l + 0.05);
}
