/**
 * @module The canned responses the composer suggests, fetched once when first needed and refreshed
 * after the management page changes them. Held per signed-in agent: a new sign-in starts empty.
 */
import { signal, type Signal } from '@preact/signals';
import type { CannedResponse } from '@parley/shared';
import type { CannedApi } from '../api/canned-api.ts';

export interface CannedCache {
  /** null until loaded. */
  readonly items: Signal<readonly CannedResponse[] | null>;
  /** Loads once per agent; later calls reuse the answer (or the request in flight). */
  ensure(agentId: string): Promise<void>;
  /** Replaces the held list, e.g. after the management page saved a change. */
  set(agentId: string, items: readonly CannedResponse[]): void;
}

export function createCannedCache(api: CannedApi): CannedCache {
  const items = signal<readonly CannedResponse[] | null>(null);
  let loadedFor: string | null = null;
  let inFlight: Promise<void> | null = null;

  return {
    items,
    ensure(agentId) {
      if (loadedFor !== agentId) {
        loadedFor = agentId;
        items.value = null;
        inFlight = api.list().then(
          (list) => {
            if (loadedFor === agentId) items.value = list;
          },
          () => {
            // no suggestions this time; the next '/' asks again
            if (loadedFor === agentId) loadedFor = null;
          },
        );
      }
      return inFlight ?? Promise.resolve();
    },
    set(agentId, list) {
      loadedFor = agentId;
      inFlight = null;
      items.value = list;
    },
  };
}
