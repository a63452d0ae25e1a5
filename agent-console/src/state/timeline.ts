/**
 * @module A conversation as the agent reads it: messages by seq, with private notes slotted in after
 * the message that was last when each was written. Notes have no seq of their own (the visitor's
 * numbering must stay gap-free), so their afterSeq is their place.
 */
import type { Message, Note } from '@parley/shared';

export type TimelineItem = { kind: 'message'; message: Message } | { kind: 'note'; note: Note };

/** Held notes plus `incoming`, one per id, in timeline order. Returns `held` itself when nothing is new. */
export function mergeNotes(held: readonly Note[], incoming: readonly Note[]): readonly Note[] {
  const known = new Set(held.map((note) => note.id));
  const fresh = incoming.filter((note) => !known.has(note.id));
  if (fresh.length === 0) return held;
  return [...held, ...fresh].sort(
    (a, b) => a.afterSeq - b.afterSeq || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

export function timeline(messages: readonly Message[], notes: readonly Note[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let next = 0;
  const notesUpTo = (seq: number): void => {
    for (; next < notes.length && (notes[next]?.afterSeq ?? Infinity) <= seq; next++) {
      const note = notes[next];
      if (note) items.push({ kind: 'note', note });
    }
  };
  notesUpTo(0);
  for (const message of messages) {
    notesUpTo(message.seq - 1);
    items.push({ kind: 'message', message });
    notesUpTo(message.seq);
  }
  // notes written after messages not held yet still show, at the end
  notesUpTo(Infinity);
  return items;
}
