/**
 * Builders for protocol records, so each test spells out only the fields it is about.
 */
import type { Conversation, Message } from '@parley/shared';
import { initialState, type ChatState } from '../src/client/chat-state.ts';
import { EMPTY_THREAD } from '../src/client/message-merge.ts';

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  const conversationId = overrides.conversationId ?? 'c1';
  return {
    id: `${conversationId}-m${seq}`,
    conversationId,
    seq,
    clientMessageId: null,
    author: { kind: 'agent', id: 'a1', name: 'Ada' },
    body: `message ${seq}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    attachments: [],
    ...overrides,
  };
}

export function visitorMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return message(seq, { author: { kind: 'visitor', id: 'v1', name: null }, ...overrides });
}

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    siteId: 's1',
    visitorId: 'v1',
    visitorName: null,
    visitorEmail: null,
    visitorVerified: false,
    status: 'queued',
    agent: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    assignedAt: null,
    closedAt: null,
    closedBy: null,
    lastSeq: 0,
    visitorSeenSeq: 0,
    agentSeenSeq: 0,
    rating: null,
    ratingComment: null,
    ...overrides,
  };
}

export function activeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return conversation({
    status: 'active',
    agent: { id: 'a1', name: 'Ada' },
    assignedAt: '2025-01-01T00:01:00.000Z',
    ...overrides,
  });
}

export function state(overrides: Partial<ChatState> = {}): ChatState {
  return { ...initialState(null, EMPTY_THREAD, []), connection: 'online', ...overrides };
}
