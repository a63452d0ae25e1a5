/**
 * @module Per-site key/value persistence for the widget (token, outbox, history cache, and what
 * page rules count: visits, page views, rules shown). Keys are namespaced `parley:<siteKey>:<name>`
 * so two Parley sites embedded on one origin never mix.
 */

export type StoreName = 'token' | 'outbox' | 'history' | 'visit' | 'shown' | 'dismissed';

export interface KeyValueStore {
  read(name: StoreName): string | null;
  write(name: StoreName, value: string): void;
  remove(name: StoreName): void;
  /**
   * Calls `onChange` when another tab changes `name` (or clears the storage); returns the unsubscribe.
   * A tab never hears its own writes, and a memory-only store never calls back.
   */
  watch(name: StoreName, onChange: () => void): () => void;
}

/**
 * Returns a store backed by localStorage, or by memory when localStorage is unavailable
 * (sandboxed iframes, blocked third-party storage, Safari private mode quota of 0): the chat
 * still works for the page's lifetime, it just doesn't survive a reload.
 */
export function createLocalStore(siteKey: string, storage: Storage | null = defaultStorage()): KeyValueStore {
  // Mirrors every value read or written; becomes the only source once storage fails, so a write
  // that hit the quota is not followed by a read of the stale stored value.
  const memory = new Map<string, string>();
  let usable = storage !== null;
  const key = (name: StoreName): string => `parley:${siteKey}:${name}`;
  return {
    read(name) {
      const k = key(name);
      if (usable && storage) {
        try {
          // read through every time: another tab of the same site may have written since
          const value = storage.getItem(k);
          if (value === null) memory.delete(k);
          else memory.set(k, value);
          return value;
        } catch {
          usable = false;
        }
      }
      return memory.get(k) ?? null;
    },
    write(name, value) {
      const k = key(name);
      memory.set(k, value);
      if (!usable || !storage) return;
      try {
        storage.setItem(k, value);
      } catch {
        usable = false;
      }
    },
    remove(name) {
      const k = key(name);
      memory.delete(k);
      if (!usable || !storage) return;
      try {
        storage.removeItem(k);
      } catch {
        usable = false;
      }
    },
    watch(name, onChange) {
      if (!storage || typeof addEventListener !== 'function') return () => {};
      const k = key(name);
      const listener = (event: StorageEvent): void => {
        // key null: the page cleared the whole storage
        if (event.storageArea === storage && (event.key === k || event.key === null)) onChange();
      };
      addEventListener('storage', listener);
      return () => removeEventListener('storage', listener);
    },
  };
}

function defaultStorage(): Storage | null {
  try {
    // merely touching window.localStorage throws a SecurityError when storage is blocked
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The same over sessionStorage: what lasts as long as the tab's session (a "visit" for page rules). */
export function createSessionStore(siteKey: string): KeyValueStore {
  let storage: Storage | null = null;
  try {
    storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // blocked storage: memory only, as above
  }
  return createLocalStore(siteKey, storage);
}

/** JSON.parse that returns null instead of throwing on corrupt or foreign data. */
export function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
