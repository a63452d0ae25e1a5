/**
 * @module Turns the chat client's state changes into the public API's events. Pure: given the state
 * before and after a change (and how far the visitor has seen), it lists the events to fire, so
 * every transition is tested without a socket or a DOM.
 */
import type { Message } from '@parley/shared';
import type { ChatState } from '../client/chat-state.ts';
import type { ParleyEventMap, ParleyEventName, ReceivedMessage } from './widget-api.ts';

export type Emit = <E extends ParleyEventName>(event: E, payload: ParleyEventMap[E]) => void;

function toReceivedMessage(message: Message): ReceivedMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    author: message.author.kind === 'agent' ? 'agent' : 'system',
    authorName: message.author.name,
    body: message.body,
    createdAt: message.createdAt,
  };
}

/** Agent messages after what the visitor has seen (here, or as the server last told us). */
export function unreadCount(state: ChatState, seenSeq: number): number {
  const seen = Math.max(seenSeq, state.conversation?.visitorSeenSeq ?? 0);
  return state.thread.messages.filter((m) => m.author.kind === 'agent' && m.seq > seen).length;
}

/** Calls `emit` for each event the change from `prev` to `next` amounts to, in a stable order. */
export function stateEvents(prev: ChatState, next: ChatState, emit: Emit): void {
  if (prev.open !== next.open) emit(next.open ? 'open' : 'close', {});

  const before = prev.conversation;
  const after = next.conversation;
  if (after && after.status !== 'closed' && before?.id !== after.id) {
    emit('conversation:started', { conversationId: after.id });
  }
  // only a close seen happening: a conversation already closed when this page learnt of it is history
  if (after?.status === 'closed' && before?.id === after.id && before.status !== 'closed') {
    emit('conversation:ended', { conversationId: after.id });
  }

  if (next.thread !== prev.thread) {
    const known = new Set(prev.thread.messages.map((m) => m.id));
    for (const message of next.thread.messages) {
      if (message.author.kind !== 'visitor' && !known.has(message.id))
        emit('message:received', toReceivedMessage(message));
    }
  }
}
