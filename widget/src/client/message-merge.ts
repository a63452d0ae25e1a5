/**
 * @module Merging messages into the one conversation the widget shows.
 * The server's seq is the identity and the order of a message within a conversation, so merging by
 * seq is what guarantees nothing is shown twice, whichever of the send ack, the `message:new` echo
 * and the resume catch-up arrives first.
 */
import type { Message } from '@parley/shared';

/** The messages of one conversation, sorted by seq, at most one per seq. */
export interface Thread {
  conversationId: string | null;
  messages: Message[];
}

export const EMPTY_THREAD: Thread = { conversationId: null, messages: [] };

/**
 * Adds `incoming` (all of one conversation) to the thread. Messages of another conversation than
 * the thread's replace it: the widget shows only the visitor's current conversation.
 */
export function mergeMessages(thread: Thread, conversationId: string, incoming: readonly Message[]): Thread {
  const base = thread.conversationId === conversationId ? thread.messages : [];
  const bySeq = new Map<number, Message>();
  for (const message of base) bySeq.set(message.seq, message);
  let changed = base !== thread.messages;
  for (const message of incoming) {
    // a message of yet another conversation in the same batch would be a server bug; never mix them
    if (message.conversationId !== conversationId) continue;
    const known = bySeq.get(message.seq);
    if (known && known.id === message.id && known.body === message.body) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return thread;
  return { conversationId, messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq) };
}

/** The highest seq held: what `session:resume` sends so the server returns only what is missing. */
export function lastSeq(thread: Thread): number {
  return thread.messages.at(-1)?.seq ?? 0;
}

/** The highest seq of an agent's message: what `message:seen` reports once it is on screen. */
export function lastAgentSeq(thread: Thread): number {
  return lastSeqBy(thread.messages, 'agent');
}

/** The highest seq of a message by `kind` (0 when there is none). */
export function lastSeqBy(messages: readonly Message[], kind: Message['author']['kind']): number {
  return messages.findLast((message) => message.author.kind === kind)?.seq ?? 0;
}

/** clientMessageIds already stored by the server, so their pending copies can be hidden. */
export function storedClientIds(thread: Thread): Set<string> {
  const ids = new Set<string>();
  for (const message of thread.messages) if (message.clientMessageId) ids.add(message.clientMessageId);
  return ids;
}
