/**
 * @module How often a page rule may show to one visitor, kept across reloads: when each rule last
 * showed (localStorage: the `visitor` frequency and the cooldown) and which showed in this visit
 * (sessionStorage: the `session` frequency). Once per page view is the engine's own memory.
 */
import type { PublicProactiveRule } from '@parley/shared';
import { parseJson, type KeyValueStore } from '../client/local-store.ts';
import { isRecord } from '../client/stored-shapes.ts';

type Shown = Record<string, number>;

function read(store: KeyValueStore): Shown {
  const stored = parseJson(store.read('shown'));
  return isRecord(stored) ? (stored as Shown) : {};
}

export class RuleCaps {
  readonly #local: KeyValueStore;
  readonly #session: KeyValueStore;

  constructor(local: KeyValueStore, session: KeyValueStore) {
    this.#local = local;
    this.#session = session;
  }

  /** Whether the rule's frequency and cooldown let it show now. */
  allows(rule: PublicProactiveRule, now: number): boolean {
    const last = read(this.#local)[rule.id];
    if (typeof last === 'number' && (rule.frequency === 'visitor' || now - last < rule.cooldownMinutes * 60_000))
      return false;
    return rule.frequency !== 'session' || read(this.#session)[rule.id] === undefined;
  }

  shown(rule: PublicProactiveRule, now: number): void {
    for (const store of [this.#local, this.#session])
      store.write('shown', JSON.stringify({ ...read(store), [rule.id]: now }));
  }
}
