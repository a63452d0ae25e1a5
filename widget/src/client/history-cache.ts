/**
 * @module The local copy of the current conversation, so a reload shows it at once; the resume
 * that follows asks the server only for what came after the highest seq held here.
 */
import type { Conversation } from '@parley/shared';
import { parseJson, type KeyValueStore } from './local-store.ts';
import { isArrayOf, isConversation, isMessage, isRecord } from './stored-shapes.ts';
import { EMPTY_THREAD, type Thread } from './message-merge.ts';

/** Bounds what a long conversation costs in localStorage (5 MB per origin, shared with the host). */
export const HISTORY_LIMIT = 200;

export interface CachedHistory {
  conversation: Conversation | null;
  thread: Thread;
}

export function loadHistory(store: KeyValueStore): CachedHistory {
  const stored = parseJson(store.read('history'));
  if (!isRecord(stored) || !isArrayOf(stored.messages, isMessage)) {
    return { conversation: null, thread: EMPTY_THREAD };
  }
  const conversation = isConversation(stored.conversation) ? stored.conversation : null;
  const conversationId = typeof stored.conversationId === 'string' ? stored.conversationId : null;
  if (conversationId === null) return { conversation: null, thread: EMPTY_THREAD };
  const messages = stored.messages.filter((m) => m.conversationId === conversationId).sort((a, b) => a.seq - b.seq);
  return {
    conversation: conversation?.id === conversationId ? conversation : null,
    thread: { conversationId, messages },
  };
}

export function saveHistory(store: KeyValueStore, history: CachedHistory): void {
  const { conversation, thread } = history;
  if (thread.conversationId === null && conversation === null) {
    store.remove('history');
    return;
  }
  // keeping the newest messages keeps the cache contiguous up to lastSeq, which resume relies on
  const messages = thread.messages.slice(-HISTORY_LIMIT);
  const conversationId = thread.conversationId ?? conversation?.id ?? null;
  store.write('history', JSON.stringify({ conversationId, conversation, messages }));
}
