/**
 * @module Which visitor this tab is: the token kept in the browser's storage, presented on every
 * connection attempt and stored after every resume, and followed when it changes under the tab
 * (another tab logged out, became a verified user's visitor, or connected as a new visitor at the
 * same moment), so the tabs of one browser stay one visitor.
 */
import type { KeyValueStore } from './local-store.ts';

export interface TokenHooks {
  /** Connect again, presenting whichever token is stored now. */
  rejoin(): void;
  /** The visitor was forgotten in another tab: forget it here too. */
  reset(): void;
}

export class VisitorToken {
  readonly #store: KeyValueStore;
  readonly #hooks: TokenHooks;
  /** The token the latest connection attempt presented (read afresh on every attempt). */
  #presented: string | null = null;
  /** The token of the visitor this tab is connected as, once a resume has said so. */
  #current: string | null = null;
  readonly #unwatch: () => void;

  constructor(store: KeyValueStore, hooks: TokenHooks) {
    this.#store = store;
    this.#hooks = hooks;
    this.#unwatch = store.watch('token', () => this.#changedElsewhere());
  }

  /** The token to present on a new connection attempt, if this browser has one. */
  present(): string | null {
    return (this.#presented = this.#store.read('token'));
  }

  /** The resume named this tab's visitor; false when another tab's visitor is joined instead. */
  resumed(token: string): boolean {
    const stored = this.#store.read('token');
    if (stored !== null && stored !== this.#presented && stored !== token) {
      // Another tab became this browser's visitor while this one connected without its token
      // (two tabs opened together): join that visitor rather than split one person in two.
      this.#hooks.rejoin();
      return false;
    }
    this.#current = token;
    this.#store.write('token', token);
    return true;
  }

  /**
   * The verified user is already a visitor in another browser: continue as that visitor, with its
   * chats and tickets (the resume after the reconnect brings its thread).
   */
  become(token: string): void {
    if (this.#store.read('token') === token) return;
    this.#store.write('token', token);
    this.#hooks.rejoin();
  }

  /** Forgets the visitor (the host's user logged out); the next connection starts a new one. */
  forget(): void {
    this.#store.remove('token');
    this.#current = null;
  }

  stop(): void {
    this.#unwatch();
  }

  /**
   * Both tabs read the storage before either had written, so each became a visitor of its own; the
   * storage keeps the last write, and every tab follows what it holds, so they end up one visitor
   * again. Reading the storage rather than the event's value matters: a tab whose own write is
   * still on its way sees that value, so the tabs never swap tokens back and forth.
   */
  #changedElsewhere(): void {
    if (this.#current === null) return;
    const stored = this.#store.read('token');
    if (stored === null) this.#hooks.reset();
    else if (stored !== this.#current) this.#hooks.rejoin();
  }
}
