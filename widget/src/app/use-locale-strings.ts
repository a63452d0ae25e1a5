/**
 * @module Picks the locale (API, then site config, then the browser) and loads its strings: one
 * small request, made by mount() before the first draw (preloadStrings). On a later switch the
 * previous language stays until the new one has loaded.
 */
import { useEffect, useState } from 'preact/hooks';
import { cachedStrings, direction, loadStrings, resolveLocale, type Locale, type Strings } from '../i18n/locale.ts';

/** The site's configured locale, read defensively: older servers do not send one. */
function siteLocale(config: object): string | null {
  return 'locale' in config && typeof config.locale === 'string' ? config.locale : null;
}

function pickLocale(chosen: string | null | undefined, config: object): Locale {
  return resolveLocale(chosen, siteLocale(config), typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Loads the strings the widget will show, so its first draw has them; never rejects. */
export function preloadStrings(chosen: string | null | undefined, config: object): Promise<unknown> {
  return loadStrings(pickLocale(chosen, config)).catch(() => null);
}

export function useLocaleStrings(
  chosen: string | null,
  config: object,
): { strings: Strings; dir: 'rtl' | 'ltr'; lang: Locale } | null {
  const locale = pickLocale(chosen, config);
  const [loaded, setLoaded] = useState<{ locale: Locale; strings: Strings } | null>(() => {
    const strings = cachedStrings(locale);
    return strings && { locale, strings };
  });
  useEffect(() => {
    let current = true;
    if (loaded?.locale === locale) return;
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
