/**
 * @module The active locale's strings, provided once at the root so every component reads the same.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ENGLISH, type Strings } from '../i18n/locale.ts';

export const StringsContext = createContext<Strings>(ENGLISH);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
