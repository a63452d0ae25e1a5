/** Merging by seq: the order every client shows, one message per seq, the server's copy winning a repeat. */
import { describe, expect, it } from 'vitest';
import { currentQuote, highestChangeSeq, highestSeq, mergeBySeq, toQuote } from '../../src/client-core/index.ts';

const m = (
  seq: number,
  body = `message ${seq}`,
): { id: string; conversationId: string; seq: number; body: string; changeSeq?: number } => ({
  id: `c1-m${seq}`,
  conversationId: 'c1',
  seq,
  body,
});
const seqs = (messages: readonly { seq: number }[]) => messages.map((message) => message.seq);

describe('mergeBySeq', () => {
  it('orders by seq whatever order the messages arrive in', () => {
    const merged = mergeBySeq([m(2)], [m(4), m(1), m(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it('keeps one message per seq when catch-up, echo and ack overlap', () => {
    const merged = mergeBySeq([m(1), m(2)], [m(2), m(3), m(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
  });

  it('fills a gap when the catch-up brings older seqs after newer ones were pushed', () => {
    const pushed = mergeBySeq([], [m(1), m(5)]);
    expect(seqs(mergeBySeq(pushed, [m(2), m(3), m(4), m(5)]))).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns the held array itself when nothing is new, so nothing re-renders', () => {
    const held = [m(1), m(2)];
    expect(mergeBySeq(held, [m(1)])).toBe(held);
    expect(mergeBySeq(held, [])).toBe(held);
    expect(mergeBySeq(held, [{ ...m(2) }])).toBe(held);
  });

  it("replaces a held message when the server's copy of its seq differs: the server's is the truth", () => {
    const held = [m(1), m(2, 'cached before the restore')];
    const merged = mergeBySeq(held, [m(2, 'what the server holds')]);
    expect(merged.map((message) => message.body)).toEqual(['message 1', 'what the server holds']);
    const otherId = { ...m(1), id: 'c1-other' };
    expect(mergeBySeq(merged, [otherId])[0]).toBe(otherId);
  });

  it('lets the later of two differing copies in one batch win', () => {
    expect(mergeBySeq([], [m(1, 'first'), m(1, 'second')]).map((message) => message.body)).toEqual(['second']);
  });

  it('reports the highest seq held, 0 for none', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq(mergeBySeq([], [m(7), m(3)]))).toBe(7);
  });

  it('keeps the copy with the higher changeSeq: an edit replaces, a late older copy never undoes it', () => {
    const edited = { ...m(1, 'edited'), changeSeq: 2 };
    const held = mergeBySeq([m(1)], [edited]);
    expect(held).toEqual([edited]);
    expect(mergeBySeq(held, [m(1)])).toBe(held);
    expect(mergeBySeq(held, [{ ...m(1, 'older edit'), changeSeq: 1 }])).toBe(held);
    expect(highestChangeSeq([m(2), edited])).toBe(2);
    expect(highestChangeSeq([])).toBe(0);
  });

  it('quotes a message as it reads now: never a deleted text', () => {
    const original = { ...m(1, 'a  long\nline'), author: { kind: 'visitor' as const, name: null } };
    const quote = toQuote(original);
    expect(quote).toEqual({
      id: 'c1-m1',
      seq: 1,
      author: { kind: 'visitor', name: null },
      excerpt: 'a long line',
      deleted: false,
    });
    const deleted = { ...original, body: 'still here by mistake', deletedAt: '2026-01-01T00:00:00Z' };
    expect(currentQuote([deleted], quote)).toEqual({ ...quote, excerpt: '', deleted: true });
    expect(currentQuote([], quote)).toBe(quote);
    expect(toQuote({ ...original, body: 'x'.repeat(500) }).excerpt).toHaveLength(140);
  });
});
