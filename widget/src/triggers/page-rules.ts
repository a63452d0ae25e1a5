/**
 * @module Page rules as the widget's first load carries them: the page views so far, and the
 * site's rules once its config brings them. The engine (rule-engine.ts) and the visit counting it
 * reads (visit-history.ts) are a chunk of their own (lazy-rule-engine), fetched only for a site
 * with rules: a site without them gets neither the code nor anything written to the visitor's
 * storage. The chunk is handed the page views made meanwhile, with their times, so a rule behaves
 * as if it had been there from the first page: time on page counts from the page view, not from
 * the chunk's arrival. A chunk that fails to load (offline) is asked for again at the next page view.
 */
import type { PublicProactiveRule } from '@parley/shared';
import type { KeyValueStore } from '../client/local-store.ts';
import type { EngineHooks, RuleEngine } from './rule-engine.ts';

/** A page view not yet counted: where, and when (ms since epoch). */
interface SeenPage {
  url: string;
  title: string;
  at: number;
}

export class PageRules {
  /** The page views made before the engine arrived, in order. */
  #seen: SeenPage[] = [];
  #rules: { rules: PublicProactiveRule[]; withinBusinessHours: boolean } | null = null;
  #engine: RuleEngine | null = null;
  #loading: Promise<void> | null = null;
  #stopped = false;
  readonly #local: KeyValueStore;
  readonly #session: KeyValueStore;
  readonly #hooks: EngineHooks;

  constructor(local: KeyValueStore, session: KeyValueStore, hooks: EngineHooks) {
    this.#local = local;
    this.#session = session;
    this.#hooks = hooks;
  }

  /** The site's rules (from its config), in order. Resolves once they are in force (at once when there are none). */
  setRules(rules: PublicProactiveRule[], withinBusinessHours: boolean): Promise<void> {
    this.#rules = { rules, withinBusinessHours };
    if (this.#engine) this.#engine.setRules(rules, withinBusinessHours);
    return this.#load();
  }

  /** A page: the one the widget loaded on, or a single-page app's next. */
  pageView(url: string, title: string): void {
    if (this.#stopped) return;
    const page = { url, title, at: Date.now() };
    if (this.#engine) return this.#engine.pageView(url, title, page.at);
    // a site without rules keeps no page views; before its config is in, every one is kept
    if (this.#rules && !this.#rules.rules.length) return;
    if (url === this.#seen.at(-1)?.url) return;
    this.#seen.push(page);
    if (this.#rules) void this.#load();
  }

  /** Something a rule may look at changed (the chat's state, identify()). */
  evaluate(): void {
    this.#engine?.evaluate();
  }

  stop(): void {
    this.#stopped = true;
    this.#engine?.stop();
  }

  #load(): Promise<void> {
    if (this.#engine || this.#stopped || !this.#rules?.rules.length) return Promise.resolve();
    this.#loading ??= import('./rule-engine.ts').then(
      ({ RuleEngine }) => {
        const rules = this.#rules;
        if (this.#stopped || !rules) return;
        const engine = new RuleEngine(this.#local, this.#session, this.#hooks);
        this.#engine = engine;
        for (const { url, title, at } of this.#seen.splice(0)) engine.pageView(url, title, at);
        engine.setRules(rules.rules, rules.withinBusinessHours);
      },
      () => {
        // the rules wait for the next page view to ask again
        this.#loading = null;
      },
    );
    return this.#loading;
  }
}
