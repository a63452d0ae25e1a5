import { describe, expect, it } from 'vitest';
import { direction, format, loadStrings, resolveLocale, SUPPORTED_LOCALES } from '../../src/i18n/locale.ts';
import { en } from '../../src/i18n/locales/en.ts';

describe('locale', () => {
  it('prefers the API, then the site, then the browser, then English', () => {
    expect(resolveLocale('de', 'fr', ['es'])).toBe('de');
    expect(resolveLocale(null, 'fr-CA', ['es'])).toBe('fr');
    expect(resolveLocale(undefined, 'xx', ['it-IT', 'ar-EG', 'es'])).toBe('ar');
    expect(resolveLocale('pt', null, ['ja'])).toBe('en');
  });

  it('mirrors only Arabic', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('en')).toBe('ltr');
  });

  it('has every string in every locale, with the same placeholders', async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const strings = await loadStrings(locale);
      expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(strings)) {
        const english = en[key as keyof typeof en];
        expect(value.match(/\{\w+\}/g), `${locale}.${key}`).toEqual(english.match(/\{\w+\}/g));
      }
    }
  });

  it('fills placeholders', () => {
    expect(format('{name} is typing…', { name: 'Ada' })).toBe('Ada is typing…');
    expect(format('number {n} {x}', { n: 3 })).toBe('number 3 {x}');
  });
});
