/**
 * @module Timeouts that all end together: destroying the chat client clears every pending retry,
 * so nothing fires after the widget was unmounted.
 */
export class TimerSet {
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #cleared = false;

  later(fn: () => void, ms: number): void {
    if (this.#cleared) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
  }

  clear(): void {
    this.#cleared = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
