/**
 * @module Merging messages by their server-assigned seq: the one order every client shows.
 * The send ack, the `message:new` echo and the catch-up after a reconnect overlap; merging by seq
 * keeps a message from being shown twice or out of order whichever of them arrives first.
 *
 * A seq repeated with a different message: the server stores one message per (conversation, seq)
 * and changes one only with a higher changeSeq (an edit or delete), so two different copies mean the held one is stale (a copy cached from
 * before the server's data was restored or reset). The copy that just came from the server is
 * what it holds now, so it replaces the held one; keeping the first would show the stale message
 * for good, since a catch-up only asks for what comes after the highest seq held.
 */

/** What merging reads of a message. */
export interface Sequenced {
  readonly seq: number;
  readonly id: string;
  readonly body: string;
  /** Raised by every edit or delete (message-edits.ts): a copy with a lower one is older. */
  readonly changeSeq?: number | undefined;
}

/** `held` plus `incoming`, ascending by seq, one per seq; `held` itself when nothing changed (no re-render). */
export function mergeBySeq<M extends Sequenced>(held: readonly M[], incoming: readonly M[]): readonly M[] {
  const bySeq = new Map<number, M>();
  for (const message of held) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const known = bySeq.get(message.seq);
    // the same message: keep the held copy unless the incoming one is a later edit or delete
    const later = (message.changeSeq ?? 0) - (known?.changeSeq ?? 0);
    if (known?.id === message.id && (later < 0 || (later === 0 && known.body === message.body))) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  return changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : held;
}

/** Highest seq held (messages sorted by seq), 0 when none: what a catch-up asks to continue after. */
export function highestSeq(messages: readonly Sequenced[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** Highest change number among the messages held, 0 when none changed: what a resume asks to continue after. */
export function highestChangeSeq(messages: readonly { readonly changeSeq?: number | undefined }[]): number {
  let highest = 0;
  for (const message of messages) highest = Math.max(highest, message.changeSeq ?? 0);
  return highest;
}
