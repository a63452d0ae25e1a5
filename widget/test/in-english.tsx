/**
 * Renders a component inside the English strings, as ChatWidget provides them once loaded.
 */
import type { JSX } from 'preact';
import { StringsContext } from '../src/app/strings-context.ts';
import { en } from '../src/i18n/locales/en.ts';

export function inEnglish(node: JSX.Element): JSX.Element {
  return <StringsContext.Provider value={en}>{node}</StringsContext.Provider>;
}
