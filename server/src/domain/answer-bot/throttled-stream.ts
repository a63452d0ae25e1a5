/**
 * @module Paces the updates of an answer being written: the first goes out at once, later ones at
 * most every `everyMs` (the newest text wins, the ones in between are skipped: each update carries the
 * whole text so far). `stop()` drops what is pending, so nothing of the stream follows the stored message.
 */
export class ThrottledStream {
  readonly #send: (text: string) => void;
  readonly #everyMs: number;
  #lastAt = -Infinity;
  #sent = '';
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (text: string) => void, everyMs: number) {
    this.#send = send;
    this.#everyMs = everyMs;
  }

  update(text: string): void {
    if (text === '' || text === this.#sent) return;
    this.#pending = text;
    if (this.#timer !== undefined) return;
    const wait = this.#lastAt + this.#everyMs - Date.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
  }

  #flush(): void {
    this.#timer = undefined;
    const text = this.#pending;
    if (text === null) return;
    this.#pending = null;
    this.#sent = text;
    this.#lastAt = Date.now();
    this.#send(text);
  }
}
