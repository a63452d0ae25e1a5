/**
 * @module Slows password guessing: after MAX_FAILED_LOGINS failed sign-ins for one email from one
 * address within LOGIN_WINDOW_MS, that pair is refused until its oldest failure leaves the window.
 * Kept in memory per process: a restart forgets it, and several processes each count their own,
 * which still caps guessing at a small multiple of the limit.
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
