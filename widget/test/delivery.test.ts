import { describe, expect, it } from 'vitest';
import { applySeen, pendingDelivery, storedDelivery } from '../src/client/delivery.ts';
import { lastSeqBy } from '../src/client/message-merge.ts';
import { activeConversation, message, state, visitorMessage } from './fixtures.ts';

describe('delivery state', () => {
  it('is sent until the agent has seen the seq, then seen', () => {
    const conversation = activeConversation({ agentSeenSeq: 2 });
    expect(storedDelivery(visitorMessage(2), conversation)).toBe('seen');
    expect(storedDelivery(visitorMessage(3), conversation)).toBe('sent');
    expect(storedDelivery(visitorMessage(1, { conversationId: 'other' }), conversation)).toBe('sent');
  });

  it('is sending while connected or connecting, failed while the server cannot be reached', () => {
    expect(pendingDelivery({ connection: 'online' })).toBe('sending');
    expect(pendingDelivery({ connection: 'connecting' })).toBe('sending');
    expect(pendingDelivery({ connection: 'reconnecting' })).toBe('failed');
    expect(pendingDelivery({ connection: 'failed' })).toBe('failed');
  });

  it('moves the agent read marker forward on message:seen by the agent only', () => {
    const s = state({ conversation: activeConversation({ agentSeenSeq: 1 }) });
    expect(applySeen(s, { conversationId: 'c1', by: 'agent', seq: 3 }).conversation?.agentSeenSeq).toBe(3);
    expect(applySeen(s, { conversationId: 'c1', by: 'visitor', seq: 3 })).toBe(s);
    expect(applySeen(s, { conversationId: 'c2', by: 'agent', seq: 3 })).toBe(s);
    expect(applySeen(s, { conversationId: 'c1', by: 'agent', seq: 0 })).toBe(s);
  });

  it('marks only the visitor’s newest message', () => {
    expect(lastSeqBy([visitorMessage(1), visitorMessage(2), message(3)], 'visitor')).toBe(2);
    expect(lastSeqBy([message(1)], 'visitor')).toBe(0);
  });
});
