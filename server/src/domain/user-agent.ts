/**
 * @module Browser and OS names from a User-Agent header, for the visitor panel. A short ordered
 * list of patterns rather than a UA library: agents need "Chrome 120 on Windows", not device
 * models, and order matters because most browsers also claim to be Safari and Chrome.
 */
import type { VisitorSoftware } from '@parley/shared';

/** First match wins: the derived browsers (Edge, Opera, Samsung…) before the Chrome they embed. */
const BROWSERS: Array<[name: string, pattern: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: Array<[name: string, pattern: RegExp]> = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b/],
  ['Linux', /\bLinux\b/],
];

export function parseUserAgent(header: string | undefined): VisitorSoftware {
  if (!header) return { browser: null, os: null };
  let browser: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(header);
    if (match) {
      browser = `${name} ${match[1] ?? ''}`.trim();
      break;
    }
  }
  const os = SYSTEMS.find(([, pattern]) => pattern.test(header))?.[0] ?? null;
  return { browser, os };
}
