/**
 * @module WCAG contrast: picks black or white text for the site's brand colour, whichever reads
 * better, so a pale brand colour never gets unreadable white text.
 */

/** [r, g, b] 0–255 from #rgb, #rrggbb (alpha ignored) or rgb()/rgba(); null for anything else. */
export function parseColor(color: string): [number, number, number] | null {
  const value = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
    if (full.length !== 6) return null;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** '#000' or '#fff', whichever has the higher contrast ratio on `background`. */
export function textColorOn(background: string): '#000' | '#fff' {
  const rgb = parseColor(background);
  if (!rgb) return '#fff';
  const l = relativeLuminance(rgb);
  return contrastRatio(l, 0) > contrastRatio(l, 1) ? '#000' : '#fff';
}
