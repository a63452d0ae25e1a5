/**
 * @module Which language a help locale is stemmed in. PostgreSQL has a text search configuration per
 * language (pg_ts_config); SQLite's FTS5 has only English (porter), so the SQLite index is stemmed here
 * with the Snowball stemmers (snowball-stemmers, the same algorithms PostgreSQL uses) before FTS5 sees
 * the words. A locale with no stemmer is matched word for word ('simple').
 */
import { algorithms, newStemmer } from 'snowball-stemmers';

/** Language part of the locale → Snowball algorithm and PostgreSQL configuration (same names). */
const LANGUAGES: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

/** The PostgreSQL configuration for a locale ('simple' when PostgreSQL has none for its language). */
export function postgresConfig(locale: string): string {
  return LANGUAGES[locale.split('-')[0] ?? ''] ?? 'simple';
}

const stemmers = new Map<string, ((word: string) => string) | null>();

/** Stems one lower-case word in the locale's language (unchanged when there is no stemmer). */
export function stem(locale: string, word: string): string {
  const language = LANGUAGES[locale.split('-')[0] ?? ''];
  if (language === undefined) return word;
  let stemmer = stemmers.get(language);
  if (stemmer === undefined) {
    // greek is a PostgreSQL configuration but not a stemmer the library has: word for word there
    stemmer = algorithms().includes(language) ? wrap(newStemmer(language)) : null;
    stemmers.set(language, stemmer);
  }
  return stemmer === null ? word : stemmer(word);
}

function wrap(stemmer: { stem(word: string): string }): (word: string) => string {
  return (word) => stemmer.stem(word);
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** The text as FTS5 should index it: each word lower-cased and stemmed, separated by spaces. */
export function stemmedText(locale: string, text: string): string {
  return (text.toLowerCase().match(WORDS) ?? []).map((w) => stem(locale, w)).join(' ');
}
