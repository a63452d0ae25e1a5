/** Merging by seq: the order every client shows, one message per seq. */
import { describe, expect, it } from 'vitest';
import { highestSeq, mergeMessages } from '../../src/state/merge-messages.ts';
import { makeMessage } from '../support/fixtures.ts';

const m = (seq: number, body = `message ${seq}`) => makeMessage({ conversationId: 'c1', seq, body });

describe('mergeMessages', () => {
  it('orders by seq whatever order the messages arrive in', () => {
    const merged = mergeMessages([m(2)], [m(4), m(1), m(3)]);
    expect(merged.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps one message per seq when catch-up, echo and ack overlap', () => {
    const merged = mergeMessages([m(1), m(2)], [m(2), m(3), m(3)]);
    expect(merged.map((message) => message.seq)).toEqual([1, 2, 3]);
  });

  it('returns the held array itself when nothing is new, so nothing re-renders', () => {
    const held = [m(1), m(2)];
    expect(mergeMessages(held, [m(1)])).toBe(held);
    expect(mergeMessages(held, [])).toBe(held);
  });

  it('reports the highest seq held, 0 for none', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq(mergeMessages([], [m(7), m(3)]))).toBe(7);
  });
});
