/**
 * @module Gets the agent's attention while the console is in the background: a short chime and a
 * desktop notification for a new chat, a visitor waiting to be accepted, or a visitor's message.
 * Nothing happens while the tab is visible: the agent already sees it.
 */
import type { ConsoleData } from '../state/conversations.ts';
import type { AgentPush } from '../state/conversations.ts';
import { visitorLabel } from '../state/conversation-selectors.ts';
import type { TabVisibility } from './seen-reporter.ts';

export interface AttentionOutputs {
  chime(): void;
  /** `tag` groups notifications of one conversation, so a burst replaces rather than stacks. */
  notify(title: string, body: string, tag: string): void;
}

export interface Attention {
  /** Called after `push` was applied: `before` and `after` are the picture on either side of it. */
  onPush(push: AgentPush, before: ConsoleData, after: ConsoleData): void;
}

const PREVIEW_LENGTH = 120;

export function createAttention(outputs: AttentionOutputs, visibility: TabVisibility): Attention {
  const alert = (title: string, body: string, tag: string): void => {
    outputs.chime();
    outputs.notify(title, body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH - 1)}…` : body, tag);
  };

  return {
    onPush(push, before, after) {
      if (visibility.isVisible()) return;
      switch (push.event) {
        case 'conversation:assigned': {
          if (before.mine.has(push.payload.id)) return;
          alert(`New chat with ${visitorLabel(push.payload)}`, push.payload.lastMessage?.body ?? '', push.payload.id);
          return;
        }
        case 'message:new': {
          const entry = after.mine.get(push.payload.conversationId);
          if (!entry || push.payload.author.kind !== 'visitor') return;
          // the same message delivered twice (echo and catch-up) alerts once
          if (before.mine.get(push.payload.conversationId)?.lastMessage?.seq === entry.lastMessage?.seq) return;
          alert(visitorLabel(entry.conversation), push.payload.body, entry.conversation.id);
          return;
        }
        case 'queue:updated': {
          // in manual routing nobody gets a waiting visitor unless someone accepts: that needs a nudge
          const known = new Set(before.queue.map((waiting) => waiting.id));
          for (const waiting of after.queue) {
            if (known.has(waiting.id) || waiting.routingMode !== 'manual') continue;
            alert(`${visitorLabel(waiting)} is waiting`, waiting.firstMessage?.body ?? '', waiting.id);
          }
          return;
        }
        case 'conversation:updated':
        case 'message:seen':
        case 'typing:update':
        case 'note:new':
        case 'agent:status':
        case 'message:updated':
          // nothing a visitor waits on: the agent sees these when they come back to the tab
          return;
      }
    },
  };
}
