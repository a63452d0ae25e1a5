/**
 * @module Turns keystrokes into typing:start / typing:stop, throttled so a fast typist costs the
 * server one event every couple of seconds rather than one per key.
 */

export const TYPING_REPEAT_MS = 2000;
export const TYPING_IDLE_MS = 3000;

export interface TypingClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TypingNotifier {
  #lastStart = Number.NEGATIVE_INFINITY;
  #idleTimer: unknown = null;
  #typing = false;

  readonly #emit: (event: 'typing:start' | 'typing:stop') => void;
  readonly #clock: TypingClock;

  constructor(emit: (event: 'typing:start' | 'typing:stop') => void, clock: TypingClock = realClock) {
    this.#emit = emit;
    this.#clock = clock;
  }

  /** The visitor typed: (re)announce typing at most every TYPING_REPEAT_MS, stop after idling. */
  input(): void {
    const now = this.#clock.now();
    // repeat the start periodically: it also tells the agent's screen that typing is still going on
    if (!this.#typing || now - this.#lastStart >= TYPING_REPEAT_MS) {
      this.#typing = true;
      this.#lastStart = now;
      this.#emit('typing:start');
    }
    if (this.#idleTimer !== null) this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = this.#clock.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Sent, blurred, idle, or going away: announce the stop once. */
  stop(): void {
    if (this.#idleTimer !== null) this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    if (!this.#typing) return;
    this.#typing = false;
    this.#lastStart = Number.NEGATIVE_INFINITY;
    this.#emit('typing:stop');
  }
}
