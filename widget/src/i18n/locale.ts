/**
 * @module Which language the widget speaks, and its strings. Every locale, English too, is a module
 * of its own imported on demand, so a visitor downloads exactly one locale's strings (~0.5 KB gz).
 */
import type { Strings } from './locales/en.ts';

export type { Strings };
export const SUPPORTED_LOCALES = ['en', 'es', 'de', 'fr', 'ar'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const RTL: ReadonlySet<Locale> = new Set(['ar']);

function supported(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((locale) => locale === base) ?? null;
}

/**
 * The first supported of: the locale set through the API, the site's configured locale, the
 * browser's preferred languages in order; English when none is supported.
 */
export function resolveLocale(
  chosen: string | null | undefined,
  site: string | null | undefined,
  browser: readonly string[],
): Locale {
  for (const tag of [chosen, site, ...browser]) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return 'en';
}

export function direction(locale: Locale): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

const loaded = new Map<Locale, Strings>();

/** Strings already loaded (see loadStrings), so a widget drawn after a preload needs no extra render. */
export function cachedStrings(locale: Locale): Strings | null {
  return loaded.get(locale) ?? null;
}

export function loadStrings(locale: Locale): Promise<Strings> {
  return importStrings(locale).then((strings) => {
    loaded.set(locale, strings);
    return strings;
  });
}

function importStrings(locale: Locale): Promise<Strings> {
  switch (locale) {
    case 'en':
      return import('./locales/en.ts').then((m) => m.strings);
    case 'es':
      return import('./locales/es.ts').then((m) => m.strings);
    case 'de':
      return import('./locales/de.ts').then((m) => m.strings);
    case 'fr':
      return import('./locales/fr.ts').then((m) => m.strings);
    case 'ar':
      return import('./locales/ar.ts').then((m) => m.strings);
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
