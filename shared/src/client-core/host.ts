/**
 * @module What the client core needs of the runtime it runs in (a browser, or Node in tests), typed
 * here because shared compiles without DOM types. Looked up on every call, not captured at import,
 * so a test's fake timers are the ones used.
 */

/** The part of Web Crypto a client message id needs. */
export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

interface Host {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  crypto: RandomSource;
}

// Browsers and Node both give globalThis these members: the DOM's or Node's types say so wherever this is compiled.
export const host: Host = globalThis;
