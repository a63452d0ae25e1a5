/**
 * @module Sends message:seen for the conversation on screen: the newest visitor message, once, and only while
 * the tab is visible, so a message that arrives in a background tab still counts as unread.
 */
import { applySeen } from '../state/conversations.ts';
import { highestVisitorSeq } from '../state/conversation-selectors.ts';
import type { ConsoleStore } from '../state/console-store.ts';
import type { AgentChannel } from './agent-channel.ts';

export interface TabVisibility {
  isVisible(): boolean;
  onChange(listener: () => void): () => void;
}

export const documentVisibility: TabVisibility = {
  isVisible: () => document.visibilityState === 'visible',
  onChange(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

export interface SeenReporter {
  /** Something changed (selection, new messages, visibility, connection): report if there is news. */
  report(): void;
  /** The connection dropped: answers to reports on it will never come. */
  forgetInFlight(): void;
}

export function createSeenReporter(
  store: ConsoleStore,
  currentChannel: () => AgentChannel | null,
  visibility: TabVisibility,
): SeenReporter {
  /** conversation id → the seq whose report is on its way, so one displayed message is reported once */
  const inFlight = new Map<string, number>();

  return {
    report() {
      const conversationId = store.selectedId.value;
      const channel = currentChannel();
      if (conversationId === null || !channel || !channel.connected || !visibility.isVisible()) return;
      const entry = store.data.value.mine.get(conversationId);
      if (!entry || entry.conversation.status === 'closed') return;
      const seq = highestVisitorSeq(entry);
      if (seq <= entry.conversation.agentSeenSeq || seq <= (inFlight.get(conversationId) ?? 0)) return;
      inFlight.set(conversationId, seq);
      channel
        .seen({ conversationId, seq })
        .then(
          () => {
            // raised only once stored: a failed report leaves the count, and the next trigger tries again
            store.data.value = applySeen(store.data.value, { conversationId, by: 'agent', seq });
          },
          () => undefined,
        )
        .finally(() => {
          if (inFlight.get(conversationId) === seq) inFlight.delete(conversationId);
        });
    },
    forgetInFlight: () => inFlight.clear(),
  };
}
