import { describe, expect, it } from 'vitest';
import {
  applyConversation,
  applyMessage,
  applyQueuePosition,
  applyResume,
  applySendResult,
  applyTyping,
  pendingEntries,
} from '../src/client/chat-state.ts';
import { EMPTY_THREAD, mergeMessages } from '../src/client/message-merge.ts';
import { activeConversation, conversation, message, state, visitorMessage } from './fixtures.ts';

const held = (...seqs: number[]) =>
  mergeMessages(
    EMPTY_THREAD,
    'c1',
    seqs.map((seq) => message(seq)),
  );

describe('applyResume', () => {
  it('adds what the server had after our last seq', () => {
    const next = applyResume(state({ conversation: activeConversation(), thread: held(1, 2) }), {
      token: 't',
      visitorId: 'v1',
      conversation: activeConversation({ lastSeq: 4 }),
      messages: [message(3), message(4)],
      queuePosition: null,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      withinBusinessHours: true,
    });
    expect(next.thread.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('replaces our copy when the server is on another conversation', () => {
    const next = applyResume(state({ conversation: conversation({ status: 'closed' }), thread: held(1, 2) }), {
      token: 't',
      visitorId: 'v1',
      conversation: conversation({ id: 'c2' }),
      messages: [visitorMessage(1, { conversationId: 'c2' })],
      queuePosition: 3,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      withinBusinessHours: true,
    });
    expect(next.thread.conversationId).toBe('c2');
    expect(next.thread.messages.map((m) => m.id)).toEqual(['c2-m1']);
    expect(next.queuePosition).toBe(3);
  });

  it('forgets what we held when the server has no conversation for this visitor', () => {
    const next = applyResume(state({ conversation: activeConversation(), thread: held(1) }), {
      token: 't',
      visitorId: 'v2',
      conversation: null,
      messages: [],
      queuePosition: null,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      withinBusinessHours: false,
    });
    expect(next.conversation).toBeNull();
    expect(next.offHours).toBe(true);
    expect(next.thread).toEqual(EMPTY_THREAD);
  });
});

describe('applySendResult and echoes', () => {
  it('shows a sent message once whether the ack or the echo comes first', () => {
    const own = visitorMessage(2, { clientMessageId: 'cm-1', body: 'hi' });
    const start = state({ conversation: activeConversation(), thread: held(1) });
    const ackFirst = applyMessage(applySendResult(start, { message: own, conversation: activeConversation() }), own);
    const echoFirst = applySendResult(applyMessage(start, own), { message: own, conversation: activeConversation() });
    expect(ackFirst.thread.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(echoFirst.thread.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('starts the new conversation the first message after a closed one created', () => {
    const start = state({ conversation: conversation({ status: 'closed' }), thread: held(1, 2) });
    const first = visitorMessage(1, { conversationId: 'c2', clientMessageId: 'cm-9' });
    const next = applySendResult(start, { message: first, conversation: conversation({ id: 'c2' }) });
    expect(next.conversation?.id).toBe('c2');
    expect(next.thread).toEqual({ conversationId: 'c2', messages: [first] });
  });

  it('does not let an older snapshot in a send ack undo an assignment already pushed', () => {
    const assigned = applyConversation(state({ conversation: conversation(), thread: held(1) }), activeConversation());
    const own = visitorMessage(2, { clientMessageId: 'cm-1' });
    const next = applySendResult(assigned, { message: own, conversation: conversation({ status: 'queued' }) });
    expect(next.conversation?.status).toBe('active');
    expect(next.conversation?.agent?.name).toBe('Ada');
  });

  it('keeps the queue position told between the first message’s echo and its ack', () => {
    // Server order for a visitor's first message: echo, queue position, then the ack.
    const first = visitorMessage(1, { conversationId: 'c1', clientMessageId: 'cm-1' });
    const echoed = applyMessage(state(), first);
    const told = applyQueuePosition(echoed, { conversationId: 'c1', position: 3, estimatedWaitSeconds: null });
    const acked = applySendResult(told, { message: first, conversation: conversation({ id: 'c1', status: 'queued' }) });
    expect(acked.queuePosition).toBe(3);
  });

  it('hides a pending entry as soon as its echo is stored, before the ack removes it', () => {
    const entry = { clientMessageId: 'cm-1', body: 'hi', createdAt: '2025-01-01T00:00:00.000Z' };
    const start = state({ conversation: activeConversation(), thread: held(1), outbox: [entry] });
    expect(pendingEntries(start)).toEqual([entry]);
    const echoed = applyMessage(start, visitorMessage(2, { clientMessageId: 'cm-1', body: 'hi' }));
    expect(pendingEntries(echoed)).toEqual([]);
  });
});

describe('conversation updates', () => {
  it('ignores a late close of a conversation we already moved on from', () => {
    const start = state({ conversation: conversation({ id: 'c2' }), thread: mergeMessages(EMPTY_THREAD, 'c2', []) });
    expect(applyConversation(start, conversation({ id: 'c1', status: 'closed' }))).toBe(start);
  });

  it('tracks queue position and agent typing only for the current conversation', () => {
    const start = state({ conversation: conversation(), thread: held(1) });
    expect(
      applyQueuePosition(start, { conversationId: 'c1', position: 2, estimatedWaitSeconds: null }).queuePosition,
    ).toBe(2);
    expect(applyQueuePosition(start, { conversationId: 'c9', position: 2, estimatedWaitSeconds: null })).toBe(start);
    const typing = applyTyping(start, { conversationId: 'c1', author: 'agent', typing: true });
    expect(typing.agentTyping).toBe(true);
    expect(applyTyping(start, { conversationId: 'c1', author: 'visitor', typing: true })).toBe(start);
    // the agent's message ends their typing even if typing:update(false) never comes
    expect(applyMessage(typing, message(2)).agentTyping).toBe(false);
  });

  it('clears the queue position once an agent takes the conversation', () => {
    const queued = applyQueuePosition(state({ conversation: conversation(), thread: held(1) }), {
      conversationId: 'c1',
      position: 1,
      estimatedWaitSeconds: null,
    });
    expect(applyConversation(queued, activeConversation()).queuePosition).toBeNull();
  });
});
