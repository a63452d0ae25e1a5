/** Derived values: unread counts, seen / catch-up marks, labels and list order. */
import { describe, expect, it } from 'vitest';
import {
  catchUpAfterSeq,
  highestVisitorSeq,
  listOrder,
  statusLabel,
  unreadCount,
  visitorLabel,
} from '../../src/state/conversation-selectors.ts';
import {
  applyAssigned,
  applyHistory,
  applyUpdated,
  emptyConsoleData,
  type ConversationEntry,
} from '../../src/state/conversations.ts';
import { iso, makeConversation, makeMessage, makeSummary } from '../support/fixtures.ts';

function entry(messages: Array<'visitor' | 'agent' | 'system'>, agentSeenSeq = 0, loaded = true): ConversationEntry {
  const conversation = makeConversation({ id: 'c1', lastSeq: messages.length, agentSeenSeq });
  const held = messages.map((author, index) => makeMessage({ conversationId: 'c1', seq: index + 1, author }));
  return {
    conversation,
    lastMessage: held.at(-1) ?? null,
    messages: loaded ? held : [],
    historyLoaded: loaded,
    visitorTyping: false,
    notes: [],
    origin: null,
  };
}

describe('unreadCount', () => {
  it('counts visitor messages after the seen mark, not system notes', () => {
    expect(unreadCount(entry(['visitor', 'system', 'visitor', 'visitor']))).toBe(3);
    expect(unreadCount(entry(['visitor', 'system', 'visitor', 'visitor'], 3))).toBe(1);
    expect(unreadCount(entry(['visitor', 'visitor'], 2))).toBe(0);
  });

  it('treats a reply as having read what the visitor wrote before it', () => {
    expect(unreadCount(entry(['visitor', 'visitor', 'agent', 'visitor']))).toBe(1);
    expect(unreadCount(entry(['visitor', 'agent'], 0, false))).toBe(0);
  });

  it('counts the latest message once when it is known only from the summary', () => {
    expect(unreadCount(entry(['visitor', 'visitor'], 0, false))).toBe(1);
    const held = entry(['visitor', 'visitor']);
    expect(unreadCount({ ...held, lastMessage: held.messages[1] ?? null })).toBe(2);
  });
});

describe('seen and catch-up marks', () => {
  it('reports the newest visitor message, skipping the agent’s replies', () => {
    expect(highestVisitorSeq(entry(['visitor', 'visitor', 'agent']))).toBe(2);
    expect(highestVisitorSeq(entry(['agent']))).toBe(0);
  });

  it('catches up after the highest seq held, or from 0 while the history may have gaps', () => {
    expect(catchUpAfterSeq(entry(['visitor', 'agent', 'visitor']))).toBe(3);
    const gappy = {
      ...entry(['visitor', 'agent', 'visitor'], 0, false),
      messages: [makeMessage({ conversationId: 'c1', seq: 3 })],
    };
    expect(catchUpAfterSeq(gappy)).toBe(0);
  });
});

describe('labels and order', () => {
  it('names visitors by name, else email, else a stable readable name made from their id', () => {
    expect(visitorLabel({ visitorName: 'Grace', visitorId: 'v-123456789' })).toBe('Grace');
    expect(visitorLabel({ visitorName: null, visitorEmail: 'grace@example.com', visitorId: 'v-1' })).toBe(
      'grace@example.com',
    );
    expect(visitorLabel({ visitorName: null, visitorId: 'v-123456789' })).toBe('Ruby Puffin');
    expect(visitorLabel({ visitorName: '  ', visitorEmail: ' ', visitorId: 'abc' })).toBe('Ivory Koala');
    // the same id always gets the same name; a different id (almost always) another
    expect(visitorLabel({ visitorName: null, visitorId: 'abc' })).toBe('Ivory Koala');
  });

  it('says waiting / active / ended', () => {
    expect((['queued', 'active', 'closed'] as const).map((status) => statusLabel({ status }))).toEqual([
      'Waiting',
      'Active',
      'Ended',
    ]);
  });

  it('lists open conversations in the order they were assigned, ended ones last', () => {
    let data = applyAssigned(emptyConsoleData, makeSummary({ id: 'late', assignedAt: iso(5_000) }));
    data = applyAssigned(data, makeSummary({ id: 'early', assignedAt: iso(1_000) }));
    data = applyAssigned(data, makeSummary({ id: 'ended', assignedAt: iso(0) }));
    data = applyUpdated(data, makeConversation({ id: 'ended', status: 'closed', assignedAt: iso(0) }));
    data = applyHistory(data, {
      conversation: makeConversation({ id: 'late', assignedAt: iso(5_000) }),
      messages: [],
      notes: [],
    });
    expect(listOrder(data).map((e) => e.conversation.id)).toEqual(['early', 'late', 'ended']);
  });
});
