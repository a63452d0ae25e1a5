/**
 * @module Turns keystrokes into typing:start / typing:stop: one start per burst, repeated while typing
 * goes on (a screen that connected meanwhile catches up), and one stop after a silence, on send, on an
 * emptied box, on leaving, and when the typist moves to another conversation. A fast typist costs
 * the server one event every couple of seconds rather than one per key.
 */
import { TYPING_IDLE_MS, TYPING_REPEAT_MS } from '../limits.ts';
import { host } from './host.ts';

export type TypingEvent = 'typing:start' | 'typing:stop';

export interface TypingNotifier {
  /** The text of `conversationId` changed; `empty` when the box is now blank (which counts as a stop). */
  input(conversationId: string, empty?: boolean): void;
  /** Typing ended (sent, blurred, switched away, disconnected): the stop goes out once. */
  stop(): void;
}

/** `idleMs` and `repeatMs` are for tests of the throttle itself: both clients use the shared timings. */
export function createTypingNotifier(
  emit: (event: TypingEvent, conversationId: string) => void,
  idleMs = TYPING_IDLE_MS,
  repeatMs = TYPING_REPEAT_MS,
): TypingNotifier {
  /** The conversation a start went out for and no stop yet. */
  let current: string | null = null;
  let lastStartAt = 0;
  let idleTimer: unknown;

  function stop(): void {
    host.clearTimeout(idleTimer);
    if (current === null) return;
    const conversationId = current;
    current = null;
    emit('typing:stop', conversationId);
  }

  return {
    input(conversationId, empty = false) {
      if (current !== conversationId) stop();
      if (empty) return stop();
      const now = Date.now();
      // repeat the start periodically: it also tells a screen that missed it that typing goes on
      if (current === null || now - lastStartAt >= repeatMs) {
        current = conversationId;
        lastStartAt = now;
        emit('typing:start', conversationId);
      }
      host.clearTimeout(idleTimer);
      idleTimer = host.setTimeout(stop, idleMs);
    },
    stop,
  };
}
