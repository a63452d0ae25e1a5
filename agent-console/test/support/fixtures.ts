/**
 * @module Wire records for tests, valid by the shared schemas, with only the interesting fields spelled out.
 */
import type { Agent, Conversation, ConversationSummary, Message, Note, QueuedConversation } from '@parley/shared';

export const AGENT: Agent = { id: 'agent-1', email: 'ada@example.com', name: 'Ada', role: 'agent', capacity: 3 };

export const T0 = Date.parse('2025-01-15T10:00:00.000Z');

export function iso(msAfterT0: number): string {
  return new Date(T0 + msAfterT0).toISOString();
}

export function makeConversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    siteId: 'site-1',
    visitorId: `visitor-of-${overrides.id}`,
    visitorName: null,
    visitorEmail: null,
    visitorVerified: false,
    status: 'active',
    agent: { id: AGENT.id, name: AGENT.name },
    createdAt: iso(0),
    assignedAt: iso(1_000),
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

export function makeSummary(overrides: Partial<ConversationSummary> & { id: string }): ConversationSummary {
  const { origin = null, ...conversation } = overrides;
  return { lastMessage: null, origin, ...makeConversation(conversation) };
}

export function makeMessage(
  overrides: Partial<Omit<Message, 'author'>> & {
    conversationId: string;
    seq: number;
    author?: 'visitor' | 'agent' | 'system';
  },
): Message {
  const { author = 'visitor', ...rest } = overrides;
  return {
    id: `${overrides.conversationId}-m${overrides.seq}`,
    clientMessageId: null,
    body: `message ${overrides.seq}`,
    createdAt: iso(overrides.seq * 1_000),
    attachments: [],
    ...rest,
    author:
      author === 'agent'
        ? { kind: 'agent', id: AGENT.id, name: AGENT.name }
        : author === 'visitor'
          ? { kind: 'visitor', id: `visitor-of-${overrides.conversationId}`, name: null }
          : { kind: 'system', id: null, name: null },
  };
}

/** A waiting conversation as the queue lists it: automatic routing unless the test says manual. */
export function makeQueued(overrides: Partial<QueuedConversation> & { id: string }): QueuedConversation {
  return {
    firstMessage: null,
    routingMode: 'automatic',
    ...makeSummary({ status: 'queued', agent: null, assignedAt: null, ...overrides }),
    ...overrides,
  };
}

export function makeNote(overrides: Partial<Note> & { id: string; conversationId: string }): Note {
  return {
    afterSeq: 0,
    author: { id: AGENT.id, name: AGENT.name },
    body: `note ${overrides.id}`,
    transferredTo: null,
    createdAt: iso(0),
    ...overrides,
  };
}
