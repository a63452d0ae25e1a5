/**
 * @module Keeps the console's visitor signals filled: the panel of a conversation when it is opened,
 * the live list when its page asks, and both as the server pushes changes. A failed load leaves
 * the previous contents: the panel is a help beside the chat, never a reason to block it.
 */
import type { VisitorDetails } from '@parley/shared';
import type { ConsoleStore } from '../state/console-store.ts';
import type { AgentChannel, VisitorPush } from './agent-channel.ts';

export interface VisitorFeed {
  loadPanel(conversationId: string): Promise<void>;
  loadLive(): Promise<void>;
  apply(push: VisitorPush): void;
}

export function createVisitorFeed(store: ConsoleStore, channel: () => AgentChannel | null): VisitorFeed {
  const keep = (details: VisitorDetails) => remember(store, details);
  return {
    async loadPanel(conversationId) {
      const current = channel();
      if (!current) return;
      try {
        keep(await current.visitorDetails({ conversationId }));
      } catch {
        // refused (no longer ours) or no answer: the next push or opening tries again
      }
    },
    async loadLive() {
      const current = channel();
      if (!current) return;
      try {
        store.liveVisitors.value = (await current.liveVisitors()).visitors;
      } catch {
        // the page keeps what it showed; the next push brings the whole list anyway
      }
    },
    apply(push) {
      if (push.event === 'visitor:updated') keep(push.payload);
      else store.liveVisitors.value = push.payload.visitors;
    },
  };
}

function remember(store: ConsoleStore, details: VisitorDetails): void {
  const visitors = new Map(store.visitors.value);
  visitors.set(details.visitorId, details);
  store.visitors.value = visitors;
}
