import { describe, expect, it } from 'vitest';
import { EMPTY_THREAD, lastAgentSeq, lastSeq, mergeMessages } from '../src/client/message-merge.ts';
import { message, visitorMessage } from './fixtures.ts';

const seqs = (messages: readonly { seq: number }[]): number[] => messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('orders messages by seq whatever order they arrive in', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(3), message(1), message(2)]);
    expect(thread.conversationId).toBe('c1');
    expect(seqs(thread.messages)).toEqual([1, 2, 3]);
  });

  it('keeps one copy of a message delivered by both the send ack and the echo', () => {
    const own = visitorMessage(4, { clientMessageId: 'cm-1' });
    const fromAck = mergeMessages(mergeMessages(EMPTY_THREAD, 'c1', [message(1)]), 'c1', [own]);
    const thenEcho = mergeMessages(fromAck, 'c1', [{ ...own }]);
    expect(seqs(thenEcho.messages)).toEqual([1, 4]);
    expect(thenEcho).toBe(fromAck);
  });

  it('fills a gap when the catch-up brings older seqs after newer ones were pushed', () => {
    const pushed = mergeMessages(EMPTY_THREAD, 'c1', [message(1), message(5)]);
    const caughtUp = mergeMessages(pushed, 'c1', [message(2), message(3), message(4), message(5)]);
    expect(seqs(caughtUp.messages)).toEqual([1, 2, 3, 4, 5]);
  });

  it('replaces the thread when messages of another conversation arrive', () => {
    const old = mergeMessages(EMPTY_THREAD, 'c1', [message(1), message(2)]);
    const next = mergeMessages(old, 'c2', [visitorMessage(1, { conversationId: 'c2', body: 'new chat' })]);
    expect(next.conversationId).toBe('c2');
    expect(next.messages.map((m) => m.body)).toEqual(['new chat']);
  });

  it('switches to an empty thread when told about a new conversation with no messages yet', () => {
    const old = mergeMessages(EMPTY_THREAD, 'c1', [message(1)]);
    expect(mergeMessages(old, 'c2', [])).toEqual({ conversationId: 'c2', messages: [] });
  });

  it('never mixes in a message of a different conversation from the same batch', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1), message(2, { conversationId: 'c9' })]);
    expect(thread.messages.map((m) => m.id)).toEqual(['c1-m1']);
  });

  it('returns the same thread when nothing changed, so the UI does not re-render', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1)]);
    expect(mergeMessages(thread, 'c1', [])).toBe(thread);
    expect(mergeMessages(thread, 'c1', [message(1)])).toBe(thread);
  });
});

describe('lastSeq and lastAgentSeq', () => {
  it('report the highest seq held and the highest seq an agent wrote', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1), message(2), visitorMessage(3)]);
    expect(lastSeq(thread)).toBe(3);
    expect(lastAgentSeq(thread)).toBe(2);
    expect(lastSeq(EMPTY_THREAD)).toBe(0);
    expect(lastAgentSeq(EMPTY_THREAD)).toBe(0);
  });
});
