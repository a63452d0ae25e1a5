/**
 * @module The console's colour theme: light, dark, or following the system (the default). The agent's
 * choice is kept in this browser only (localStorage): it is about their screen, not their account.
 * The theme is applied as the design tokens expect it: class `p-theme` and `data-theme` on <html>.
 */
import { signal } from '@preact/signals';

export type ThemePreference = 'system' | 'light' | 'dark';
export type AppliedTheme = 'light' | 'dark';

const STORAGE_KEY = 'parley.console.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readStored(): ThemePreference {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // storage refused (private mode, a sandbox): the system's choice still works
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

/** What the agent chose; `applied` is what is on screen. */
export const themePreference = signal<ThemePreference>(readStored());

export function appliedTheme(preference: ThemePreference = themePreference.value): AppliedTheme {
  if (preference === 'system') return systemPrefersDark() ? 'dark' : 'light';
  return preference;
}

function apply(): void {
  const root = document.documentElement;
  root.classList.add('p-theme');
  root.dataset['theme'] = appliedTheme();
}

export function setThemePreference(preference: ThemePreference): void {
  themePreference.value = preference;
  try {
    if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // not kept across reloads, but applied now
  }
  apply();
}

/** Applies the theme now and keeps following the system while the preference is "system". */
export function installTheme(): () => void {
  themePreference.value = readStored();
  apply();
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(DARK_QUERY);
  const onChange = (): void => {
    if (themePreference.value === 'system') apply();
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
