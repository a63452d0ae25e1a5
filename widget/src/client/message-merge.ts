/**
 * @module The one conversation the widget shows, merged by seq (@parley/shared/client-core's
 * mergeBySeq: the server's seq is the identity and the order of a message, so nothing is shown twice,
 * whichever of the send ack, the `message:new` echo and the resume catch-up arrives first).
 */
import type { Message } from '@parley/shared';
import { highestSeq, mergeBySeq } from '@parley/shared/client-core';

/** The messages of one conversation, sorted by seq, at most one per seq. */
export interface Thread {
  conversationId: string | null;
  messages: readonly Message[];
}

export const EMPTY_THREAD: Thread = { conversationId: null, messages: [] };

/**
 * Adds `incoming` (all of one conversation) to the thread. Messages of another conversation than
 * the thread's replace it: the widget shows only the visitor's current conversation.
 */
export function mergeMessages(thread: Thread, conversationId: string, incoming: readonly Message[]): Thread {
  const base = thread.conversationId === conversationId ? thread.messages : [];
  // a message of yet another conversation in the same batch would be a server bug; never mix them
  const messages = mergeBySeq(
    base,
    incoming.filter((message) => message.conversationId === conversationId),
  );
  return messages === thread.messages ? thread : { conversationId, messages };
}

/** The highest seq held: what `session:resume` sends so the server returns only what is missing. */
export function lastSeq(thread: Thread): number {
  return highestSeq(thread.messages);
}

/**
 * The highest change held: edits and deletes after it come back in the resume's `changes`. Undefined
 * while nothing held was ever changed (the server reads that as 0), so the resume does not carry it.
 */
export function lastChangeSeq(thread: Thread): number | undefined {
  return Math.max(0, ...thread.messages.map((message) => message.changeSeq ?? 0)) || undefined;
}

/** The highest seq of an agent's message: what `message:seen` reports once it is on screen. */
export function lastAgentSeq(thread: Thread): number {
  return lastSeqBy(thread.messages, 'agent');
}

/** The highest seq of a message by `kind` (0 when there is none). */
export function lastSeqBy(messages: readonly Message[], kind: Message['author']['kind']): number {
  return messages.findLast((message) => message.author.kind === kind)?.seq ?? 0;
}
