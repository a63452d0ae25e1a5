/**
 * @module Whether single-key shortcuts (j, k, r, ?) are on. WCAG 2.1.4: an agent whose speech input or
 * stray keys would trigger them can turn them off; the Alt versions keep working. Kept in this browser
 * (localStorage), like the theme: it is about the agent's keyboard, not their account.
 */
import { signal } from '@preact/signals';

const STORAGE_KEY = 'parley.console.singleKeyShortcuts';

function readStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const singleKeyShortcuts = signal<boolean>(readStored());

export function setSingleKeyShortcuts(on: boolean): void {
  singleKeyShortcuts.value = on;
  try {
    if (on) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, 'off');
  } catch {
    // applies until the page reloads
  }
}
