/**
 * @module Picks the locale (API, then site config, then the browser) and loads its strings. English
 * shows until another locale's module arrives, which is one small request.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENGLISH, direction, loadStrings, resolveLocale, type Locale, type Strings } from '../i18n/locale.ts';

/** The site's configured locale, read defensively: older servers do not send one. */
function siteLocale(config: object): string | null {
  return 'locale' in config && typeof config.locale === 'string' ? config.locale : null;
}

export function useLocaleStrings(chosen: string | null, config: object): { strings: Strings; dir: 'rtl' | 'ltr'; lang: Locale } {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  const locale = resolveLocale(chosen, siteLocale(config), browser);
  const [loaded, setLoaded] = useState<{ locale: Locale; strings: Strings }>({ locale: 'en', strings: ENGLISH });
  useEffect(() => {
    let current = true;
    loadStrings(locale).then(
      (strings) => {
        if (current) setLoaded({ locale, strings });
      },
      () => {
        // the locale module did not load (offline, blocked): English is better than nothing
      },
    );
    return () => {
      current = false;
    };
  }, [locale]);
  // direction follows the strings actually shown, so English never appears mirrored
  return { strings: loaded.strings, dir: direction(loaded.locale), lang: loaded.locale };
}
