/**
 * @module A small typed event emitter for the public API's events. `ready` is sticky: a listener
 * added after the widget became ready is still called once (asynchronously, like the others
 * would have been), so `Parley('on', 'ready', …)` works whenever the host page gets round to it.
 */
import type { ParleyEventMap, ParleyEventName, ParleyListener } from './widget-api.ts';

type AnyListener = (payload: never) => void;

export class ParleyEvents {
  readonly #listeners = new Map<ParleyEventName, Set<AnyListener>>();
  /** Payloads of sticky events already fired (only `ready`), replayed to late listeners. */
  readonly #fired: Partial<ParleyEventMap> = {};
  #disposed = false;

  on<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void {
    if (this.#disposed || typeof listener !== 'function') return;
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    const payload = this.#fired[event];
    if (payload !== undefined) {
      queueMicrotask(() => {
        if (set.has(listener)) this.#call(listener, payload);
      });
    }
  }

  off<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void {
    this.#listeners.get(event)?.delete(listener);
  }

  emit<E extends ParleyEventName>(event: E, payload: ParleyEventMap[E]): void {
    if (this.#disposed) return;
    if (event === 'ready') this.#fired[event] = payload;
    // a copy: a listener that removes itself must not make the loop skip the next one
    for (const listener of [...(this.#listeners.get(event) ?? [])]) this.#call(listener as ParleyListener<E>, payload);
  }

  /** Forgets every listener: after unmount nothing of the host page is kept alive by the widget. */
  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
  }

  #call<E extends ParleyEventName>(listener: ParleyListener<E>, payload: ParleyEventMap[E]): void {
    try {
      listener(payload);
    } catch (error) {
      // a host page's broken listener must not break the widget or the other listeners
      console.error('Parley chat: an event listener threw', error);
    }
  }
}
