/** Notes slotted into the message timeline by afterSeq, merged once per id. */
import { describe, expect, it } from 'vitest';
import { mergeNotes, timeline } from '../../src/state/timeline.ts';
import { iso, makeMessage, makeNote } from '../support/fixtures.ts';

const label = (items: ReturnType<typeof timeline>) =>
  items.map((item) => (item.kind === 'message' ? `m${item.message.seq}` : item.note.id));

describe('timeline', () => {
  it('puts each note after the message that was last when it was written', () => {
    const messages = [1, 2, 3].map((seq) => makeMessage({ conversationId: 'c1', seq }));
    const notes = mergeNotes(
      [],
      [
        makeNote({ id: 'after-2', conversationId: 'c1', afterSeq: 2 }),
        makeNote({ id: 'before-any', conversationId: 'c1', afterSeq: 0 }),
        makeNote({ id: 'after-9', conversationId: 'c1', afterSeq: 9 }),
      ],
    );
    expect(label(timeline(messages, notes))).toEqual(['before-any', 'm1', 'm2', 'after-2', 'm3', 'after-9']);
  });

  it('keeps notes of one place in the order written, and merges a note delivered twice once', () => {
    const first = makeNote({ id: 'n1', conversationId: 'c1', afterSeq: 1, createdAt: iso(1_000) });
    const second = makeNote({ id: 'n2', conversationId: 'c1', afterSeq: 1, createdAt: iso(2_000) });
    const held = mergeNotes([], [second, first]);
    expect(held.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(mergeNotes(held, [first])).toBe(held);
  });
});
