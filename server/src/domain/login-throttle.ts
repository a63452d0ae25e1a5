/**
 * @module Slows password guessing: after MAX_FAILED_LOGINS failed sign-ins for one email from one
 * address within LOGIN_WINDOW_MS, that pair is refused until its oldest failure leaves the window.
 * Only that pair: a stranger elsewhere cannot lock the agent out. Kept in memory per process (a
 * restart forgets it; several processes each count their own); the SignInBudgets beside it, shared
 * between processes, bound what one address and what all addresses together may try.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Pairs remembered at most: a spray of made-up emails cannot grow the map without bound. */
const MAX_TRACKED = 10_000;

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < MAX_FAILED_LOGINS) return 0;
    const oldest = recent[recent.length - MAX_FAILED_LOGINS] ?? this.#now().getTime();
    return Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - this.#now().getTime()) / 1000));
  }

  failed(key: string): void {
    const recent = [...this.#recent(key), this.#now().getTime()];
    this.#failures.delete(key);
    this.#failures.set(key, recent);
    // the least recently failing pair goes first (a Map iterates in insertion order)
    if (this.#failures.size > MAX_TRACKED) {
      const first = this.#failures.keys().next();
      if (!first.done) this.#failures.delete(first.value);
    }
  }

  succeeded(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.#now().getTime() - LOGIN_WINDOW_MS;
    return (this.#failures.get(key) ?? []).filter((at) => at > since);
  }
}

/**
 * The budgets beyond the pair (limits/sign-in-budgets.ts): failures per address across all emails
 * (spraying), and per email across all addresses, past which only addresses that email signed in
 * from before may try. Keys are a lowercased email and the client's address.
 */
export interface SignInBudgets {
  /** Milliseconds until `from` may try `email`; 0 when it may now. */
  waitMs(email: string, from: string): Promise<number>;
  failed(email: string, from: string): Promise<void>;
  succeeded(email: string, from: string): Promise<void>;
}
