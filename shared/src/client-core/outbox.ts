/**
 * @module The outbox: messages written that the server has not stored yet, oldest first (the order
 * they must be sent in). Each keeps its clientMessageId for life, which is what lets the server store
 * a resend only once. Pure functions over a list, so the widget can persist it and the console hold it
 * in a signal.
 */

export interface PendingEntry {
  readonly clientMessageId: string;
  /** Set once the server refused it for good: such an entry stays on show (the console's) but is not sent again. */
  readonly error?: string | null;
}

export function addPending<E extends PendingEntry>(outbox: readonly E[], entry: E): E[] {
  return [...outbox, entry];
}

export function removePending<E extends PendingEntry>(outbox: readonly E[], clientMessageId: string): E[] {
  return outbox.filter((entry) => entry.clientMessageId !== clientMessageId);
}

/**
 * Without the entries the server has stored, whichever of the send ack and the message:new echo told
 * us first; `outbox` itself when none was, so nothing re-renders.
 */
export function removeDelivered<E extends PendingEntry>(
  outbox: readonly E[],
  messages: readonly { readonly clientMessageId: string | null }[],
): readonly E[] {
  const delivered = new Set(messages.map((message) => message.clientMessageId));
  return outbox.some((entry) => delivered.has(entry.clientMessageId))
    ? outbox.filter((entry) => !delivered.has(entry.clientMessageId))
    : outbox;
}

export function markFailed<E extends PendingEntry>(outbox: readonly E[], clientMessageId: string, error: string): E[] {
  return outbox.map((entry) => (entry.clientMessageId === clientMessageId ? { ...entry, error } : entry));
}

/** Entries still to (re)send, oldest first, so a conversation's messages keep the order they were typed in. */
export function awaitingSend<E extends PendingEntry>(outbox: readonly E[]): E[] {
  return outbox.filter((entry) => entry.error === undefined || entry.error === null);
}
