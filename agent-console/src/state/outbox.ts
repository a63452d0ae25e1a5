/**
 * @module Messages the agent sent that the server has not stored yet. Each keeps its clientMessageId for
 * life, so a resend after a reconnect is recognised by the server as the same message.
 */
import type { Message } from '@parley/shared';

export interface PendingMessage {
  readonly clientMessageId: string;
  readonly conversationId: string;
  readonly body: string;
  /** Set when the server refused it (e.g. the conversation ended); such a message is not retried. */
  readonly error: string | null;
}

export type Outbox = readonly PendingMessage[];

export function addPending(outbox: Outbox, message: Omit<PendingMessage, 'error'>): Outbox {
  return [...outbox, { ...message, error: null }];
}

export function markFailed(outbox: Outbox, clientMessageId: string, error: string): Outbox {
  return outbox.map((pending) => (pending.clientMessageId === clientMessageId ? { ...pending, error } : pending));
}

export function removePending(outbox: Outbox, clientMessageId: string): Outbox {
  return outbox.filter((pending) => pending.clientMessageId !== clientMessageId);
}

/** Drops entries the server has stored: the send ack or the message:new echo, whichever comes first. */
export function removeDelivered(outbox: Outbox, messages: readonly Message[]): Outbox {
  const delivered = new Set(messages.map((message) => message.clientMessageId));
  if (!outbox.some((pending) => delivered.has(pending.clientMessageId))) return outbox;
  return outbox.filter((pending) => !delivered.has(pending.clientMessageId));
}

/** Entries still to (re)send, oldest first so a conversation's messages keep the order they were typed in. */
export function awaitingSend(outbox: Outbox): PendingMessage[] {
  return outbox.filter((pending) => pending.error === null);
}

export function pendingIn(outbox: Outbox, conversationId: string): PendingMessage[] {
  return outbox.filter((pending) => pending.conversationId === conversationId);
}
