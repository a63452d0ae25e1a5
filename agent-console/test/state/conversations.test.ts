/** Pure transitions of the console picture: sync, every /agent push, history catch-up. */
import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyHistory,
  applyMessages,
  applyPush,
  applyQueue,
  applySeen,
  applySync,
  applyTyping,
  applyUpdated,
  clearTyping,
  emptyConsoleData,
  forgetConversation,
  type ConsoleData,
} from '../../src/state/conversations.ts';
import { AGENT, makeConversation, makeMessage, makeQueued, makeSummary } from '../support/fixtures.ts';

const synced = (data: ConsoleData = emptyConsoleData): ConsoleData =>
  applySync(data, {
    agent: AGENT,
    status: 'online',
    conversations: [makeSummary({ id: 'c1', lastSeq: 2, lastMessage: makeMessage({ conversationId: 'c1', seq: 2 }) })],
    queue: [makeQueued({ id: 'q1' }), makeQueued({ id: 'q2' })],
    closed: [],
  });

const seqsOf = (data: ConsoleData, id: string) => data.mine.get(id)?.messages.map((message) => message.seq);

describe('sync', () => {
  it("fills the agent's conversations and the queue", () => {
    const data = synced();
    expect(data.agentId).toBe(AGENT.id);
    expect([...data.mine.keys()]).toEqual(['c1']);
    expect(data.mine.get('c1')?.lastMessage?.seq).toBe(2);
    expect(data.mine.get('c1')?.historyLoaded).toBe(false);
    expect(data.queue.map((waiting) => waiting.id)).toEqual(['q1', 'q2']);
  });

  it('keeps held messages and never lowers a seen mark from an older snapshot', () => {
    let data = applyHistory(synced(), {
      conversation: makeConversation({ id: 'c1', lastSeq: 2, agentSeenSeq: 2 }),
      messages: [makeMessage({ conversationId: 'c1', seq: 1 }), makeMessage({ conversationId: 'c1', seq: 2 })],
      notes: [],
    });
    data = synced(data);
    expect(seqsOf(data, 'c1')).toEqual([1, 2]);
    expect(data.mine.get('c1')?.historyLoaded).toBe(true);
    expect(data.mine.get('c1')?.conversation.agentSeenSeq).toBe(2);
  });

  it('keeps a conversation missing from sync until catch-up tells its fate', () => {
    let data = applyAssigned(synced(), makeSummary({ id: 'c2' }));
    data = applySync(data, { agent: AGENT, status: 'online', conversations: [], queue: [], closed: [] });
    expect([...data.mine.keys()].sort()).toEqual(['c1', 'c2']);
    expect([...forgetConversation(data, 'c2').mine.keys()]).toEqual(['c1']);
  });

  it('keeps recently closed conversations after a reload, to read again or reopen', () => {
    const ended = makeSummary({ id: 'c9', status: 'closed', closedAt: '2026-01-01T10:00:00.000Z' });
    const data = applySync(emptyConsoleData, {
      agent: AGENT,
      status: 'online',
      conversations: [],
      queue: [],
      closed: [ended],
    });
    expect(data.mine.get('c9')?.conversation.status).toBe('closed');
    expect(data.mine.get('c9')?.lastMessage).toBeNull();
  });

  it('never lists a conversation both as mine and as waiting', () => {
    const data = applySync(emptyConsoleData, {
      status: 'online',
      agent: AGENT,
      conversations: [makeSummary({ id: 'c1' })],
      queue: [makeQueued({ id: 'c1' })],
      closed: [],
    });
    expect(data.queue).toEqual([]);
  });
});

describe('pushes', () => {
  it('conversation:assigned adds it to mine and takes it out of the queue', () => {
    const data = applyPush(synced(), {
      event: 'conversation:assigned',
      payload: makeSummary({ id: 'q1', lastMessage: makeMessage({ conversationId: 'q1', seq: 1, body: 'hi' }) }),
    });
    expect(data.mine.get('q1')?.lastMessage?.body).toBe('hi');
    expect(data.queue.map((waiting) => waiting.id)).toEqual(['q2']);
  });

  it('conversation:updated closes a conversation and forgets that the visitor was typing', () => {
    let data = applyTyping(synced(), { conversationId: 'c1', author: 'visitor', typing: true });
    expect(data.mine.get('c1')?.visitorTyping).toBe(true);
    data = applyUpdated(data, makeConversation({ id: 'c1', status: 'closed', closedBy: 'visitor', lastSeq: 2 }));
    expect(data.mine.get('c1')?.conversation.status).toBe('closed');
    expect(data.mine.get('c1')?.visitorTyping).toBe(false);
  });

  it('conversation:updated removes a conversation now handled by another agent', () => {
    const data = applyUpdated(synced(), makeConversation({ id: 'c1', agent: { id: 'agent-2', name: 'Bo' } }));
    expect(data.mine.has('c1')).toBe(false);
  });

  it('conversation:updated takes a queued conversation that left the queue out of it', () => {
    const data = applyUpdated(synced(), makeConversation({ id: 'q1', agent: { id: 'agent-2', name: 'Bo' } }));
    expect(data.queue.map((waiting) => waiting.id)).toEqual(['q2']);
  });

  it('queue:updated replaces the whole waiting list, in the order given', () => {
    const data = applyQueue(synced(), [makeQueued({ id: 'q3' }), makeQueued({ id: 'c1' })]);
    expect(data.queue.map((waiting) => waiting.id)).toEqual(['q3']);
  });

  it('message:new merges by seq, moves the preview and clears the typing indicator', () => {
    let data = applyTyping(synced(), { conversationId: 'c1', author: 'visitor', typing: true });
    const message = makeMessage({ conversationId: 'c1', seq: 3, body: 'there?' });
    data = applyPush(data, { event: 'message:new', payload: message });
    data = applyPush(data, { event: 'message:new', payload: message });
    expect(seqsOf(data, 'c1')).toEqual([3]);
    expect(data.mine.get('c1')?.lastMessage?.body).toBe('there?');
    expect(data.mine.get('c1')?.conversation.lastSeq).toBe(3);
    expect(data.mine.get('c1')?.visitorTyping).toBe(false);
  });

  it('message:new for a waiting visitor updates the queue preview; for strangers it changes nothing', () => {
    const before = synced();
    const data = applyMessages(before, 'q2', [makeMessage({ conversationId: 'q2', seq: 1, body: 'anyone?' })]);
    expect(data.queue[1]?.lastMessage?.body).toBe('anyone?');
    expect(applyMessages(before, 'elsewhere', [makeMessage({ conversationId: 'elsewhere', seq: 1 })])).toBe(before);
  });

  it("typing:update only shows the visitor's typing", () => {
    const data = applyPush(synced(), {
      event: 'typing:update',
      payload: { conversationId: 'c1', author: 'agent', typing: true },
    });
    expect(data.mine.get('c1')?.visitorTyping).toBe(false);
    expect(
      clearTyping(applyTyping(data, { conversationId: 'c1', author: 'visitor', typing: true })).mine.get('c1')
        ?.visitorTyping,
    ).toBe(false);
  });

  it('message:seen raises the seen marks and never lowers them', () => {
    let data = applyPush(synced(), { event: 'message:seen', payload: { conversationId: 'c1', by: 'visitor', seq: 2 } });
    data = applySeen(data, { conversationId: 'c1', by: 'agent', seq: 2 });
    data = applySeen(data, { conversationId: 'c1', by: 'agent', seq: 1 });
    expect(data.mine.get('c1')?.conversation.visitorSeenSeq).toBe(2);
    expect(data.mine.get('c1')?.conversation.agentSeenSeq).toBe(2);
  });
});

describe('history', () => {
  it('marks the conversation loaded and merges with what pushes brought meanwhile', () => {
    let data = applyMessages(synced(), 'c1', [makeMessage({ conversationId: 'c1', seq: 3 })]);
    data = applyHistory(data, {
      conversation: makeConversation({ id: 'c1', lastSeq: 3 }),
      messages: [1, 2, 3].map((seq) => makeMessage({ conversationId: 'c1', seq })),
      notes: [],
    });
    expect(seqsOf(data, 'c1')).toEqual([1, 2, 3]);
    expect(data.mine.get('c1')?.historyLoaded).toBe(true);
  });

  it('carries the final state of a conversation that ended while the console was away', () => {
    const data = applyHistory(synced(), {
      conversation: makeConversation({ id: 'c1', status: 'closed', closedBy: 'visitor', lastSeq: 2 }),
      messages: [],
      notes: [],
    });
    expect(data.mine.get('c1')?.conversation.status).toBe('closed');
  });

  it('is ignored for a conversation that is not ours', () => {
    const before = synced();
    expect(applyHistory(before, { conversation: makeConversation({ id: 'zz' }), messages: [], notes: [] })).toBe(
      before,
    );
  });
});
