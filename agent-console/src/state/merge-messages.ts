/**
 * @module Merges messages by their server-assigned seq: the one order every client shows.
 * History catch-up, pushed messages and send acks all overlap; merging by seq is what keeps a message
 * from being shown twice or out of order whichever of them arrives first.
 */
import type { Message } from '@parley/shared';

/** Held messages plus `incoming`, ascending by seq, one per seq. Returns `held` itself when nothing is new. */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return held;
  const bySeq = new Map<number, Message>();
  for (const message of held) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    // a seq is stored once on the server, so a second copy carries nothing new: keep the first
    if (!bySeq.has(message.seq)) {
      bySeq.set(message.seq, message);
      changed = true;
    }
  }
  if (!changed) return held;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Highest seq held, 0 when none: what a catch-up request asks to continue after. */
export function highestSeq(messages: readonly Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}
