/**
 * @module Picks the locale (API, then site config, then the browser) and loads its strings: one
 * small request. Until the first locale arrives there are no strings (the widget waits); on a
 * later switch the previous language stays until the new one has loaded.
 */
import { useEffect, useState } from 'preact/hooks';
import { direction, loadStrings, resolveLocale, type Locale, type Strings } from '../i18n/locale.ts';

/** The site's configured locale, read defensively: older servers do not send one. */
function siteLocale(config: object): string | null {
  return 'locale' in config && typeof config.locale === 'string' ? config.locale : null;
}

export function useLocaleStrings(chosen: string | null, config: object): { strings: Strings; dir: 'rtl' | 'ltr'; lang: Locale } | null {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  const locale = resolveLocale(chosen, siteLocale(config), browser);
  const [loaded, setLoaded] = useState<{ locale: Locale; strings: Strings } | null>(null);
  useEffect(() => {
    let current = true;
    loadStrings(locale).then(
      (strings) => {
        if (current) setLoaded({ locale, strings });
      },
      () => {
        // the module did not load (offline, blocked): the loader's stand-in launcher stays, and a
        // change of locale (setLocale) tries again; reloading the page does too
      },
    );
    return () => {
      current = false;
    };
  }, [locale]);
  // direction follows the strings actually shown, so English never appears mirrored
  return loaded && { strings: loaded.strings, dir: direction(loaded.locale), lang: loaded.locale };
}
