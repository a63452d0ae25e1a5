/**
 * @module The active locale's strings, provided once at the root so every component reads the same.
 * There is no default: the widget renders only once its locale has loaded, so no English flashes
 * before the visitor's language.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Strings } from '../i18n/locale.ts';

export const StringsContext = createContext<Strings | null>(null);

export function useStrings(): Strings {
  const strings = useContext(StringsContext);
  if (!strings) throw new Error('useStrings() outside a StringsContext provider');
  return strings;
}
