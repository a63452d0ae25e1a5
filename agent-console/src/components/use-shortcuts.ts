/**
 * @module Console-wide keyboard shortcuts. A bare key never fires while the agent types in a field
 * (it is their text), nor at all when the agent turned single keys off (shortcut-settings.ts); the
 * Alt versions work everywhere.
 */
import { useEffect } from 'preact/hooks';
import { singleKeyShortcuts } from '../state/shortcut-settings.ts';

export type ShortcutAction = 'next' | 'previous' | 'composer' | 'close' | 'help';

export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; keys: string[]; label: string }> = [
  { action: 'next', keys: ['j', 'Alt+↓'], label: 'Next conversation' },
  { action: 'previous', keys: ['k', 'Alt+↑'], label: 'Previous conversation' },
  { action: 'composer', keys: ['r', 'Alt+R'], label: 'Focus the reply box' },
  { action: 'close', keys: ['Alt+X'], label: 'Close the conversation' },
  { action: 'help', keys: ['?'], label: 'Show this list' },
];

/** Which action a key press means, or null. Uses `code` for Alt combinations: Alt+R types "®" on a Mac. */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>,
  typing: boolean,
  singleKeys = true,
): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    switch (event.code) {
      case 'ArrowDown':
        return 'next';
      case 'ArrowUp':
        return 'previous';
      case 'KeyR':
        return 'composer';
      case 'KeyX':
        return 'close';
      default:
        return null;
    }
  }
  if (typing || !singleKeys) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'r':
      return 'composer';
    case '?':
      return 'help';
    default:
      return null;
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handle: (action: ShortcutAction) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, isTyping(event.target), singleKeyShortcuts.value);
      if (action === null) return;
      event.preventDefault();
      handle(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [handle, enabled]);
}
