/**
 * @module Turns the agent's keystrokes into typing:start / typing:stop for the visitor's widget.
 * One start per burst (repeated every few seconds so a long reply keeps the indicator alive), a stop after a
 * few idle seconds, on send, on emptying the box, and when the agent switches to another conversation.
 */
export interface TypingNotifierOptions {
  /** Silence after which the agent counts as no longer typing. */
  idleMs?: number;
  /** While typing goes on, how often start is repeated. */
  repeatMs?: number;
  now?: () => number;
}

export interface TypingNotifier {
  /** The agent changed the text of `conversationId`; `empty` when the box is now blank. */
  input(conversationId: string, empty: boolean): void;
  /** Typing ended (a send, a switch, a disconnect). */
  stop(): void;
}

export function createTypingNotifier(
  emit: (event: 'typing:start' | 'typing:stop', conversationId: string) => void,
  { idleMs = 3_000, repeatMs = 2_500, now = () => Date.now() }: TypingNotifierOptions = {},
): TypingNotifier {
  let current: string | null = null;
  let lastStartAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (current === null) return;
    const conversationId = current;
    current = null;
    emit('typing:stop', conversationId);
  }

  return {
    input(conversationId, empty) {
      if (current !== null && current !== conversationId) stop();
      if (empty) {
        stop();
        return;
      }
      if (current === null || now() - lastStartAt >= repeatMs) {
        current = conversationId;
        lastStartAt = now();
        emit('typing:start', conversationId);
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, idleMs);
    },
    stop,
  };
}
