/**
 * @module Delivery state of the visitor's own messages, derived rather than stored: an outbox entry
 * is sending (failed while the server is unreachable), a stored message is sent, and it is
 * seen once the agent's read marker (Conversation.agentSeenSeq, moved by `message:seen` pushes)
 * reaches its seq.
 */
import type { Conversation, Message, SeenUpdate } from '@parley/shared';
import type { ChatState } from './chat-state.ts';

export type Delivery = 'sending' | 'sent' | 'seen' | 'failed';

export function storedDelivery(message: Message, conversation: Conversation | null): Delivery {
  const seenUpTo = conversation?.id === message.conversationId ? conversation.agentSeenSeq : 0;
  return message.seq <= seenUpTo ? 'seen' : 'sent';
}

/** Failed while the server cannot be reached: the outbox keeps it and Retry tries at once. */
export function pendingDelivery(state: Pick<ChatState, 'connection'>): Delivery {
  return state.connection === 'failed' || state.connection === 'reconnecting' ? 'failed' : 'sending';
}

/** A `message:seen` push by the agent moves the read marker forward, never back. */
export function applySeen(state: ChatState, update: SeenUpdate): ChatState {
  const { conversation } = state;
  if (update.by !== 'agent' || !conversation || conversation.id !== update.conversationId) return state;
  if (update.seq <= conversation.agentSeenSeq) return state;
  return { ...state, conversation: { ...conversation, agentSeenSeq: update.seq } };
}
