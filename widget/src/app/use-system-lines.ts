/**
 * @module The lines the widget writes into the thread itself, from the conversation updates it
 * already receives: "Ada joined the chat" (at assignedAt), "Transferred to Bo" (seen live when the
 * assigned agent changes), "Chat ended" (at closedAt). Kept by the root component, so closing and
 * reopening the panel keeps a transfer seen meanwhile.
 */
import { useRef } from 'preact/hooks';
import type { Conversation } from '@parley/shared';
import { format, type Strings } from '../i18n/locale.ts';
import type { SystemLine } from './timeline.ts';

interface Seen {
  conversationId: string;
  agent: string | null;
  /** The first agent seen, and transfers to others since. */
  lines: SystemLine[];
}

export function useSystemLines(t: Strings | null, conversation: Conversation | null): SystemLine[] {
  const seen = useRef<Seen | null>(null);
  if (!t || !conversation) return [];
  let current = seen.current;
  if (current?.conversationId !== conversation.id)
    current = { conversationId: conversation.id, agent: null, lines: [] };
  const agent = conversation.agent?.name ?? null;
  if (agent !== null && agent !== current.agent) {
    const first = current.lines.length === 0;
    const at = first ? (conversation.assignedAt ?? conversation.createdAt) : new Date().toISOString();
    current = {
      ...current,
      agent,
      lines: [
        ...current.lines,
        { key: `agent-${current.lines.length}`, text: format(first ? t.joined : t.transferred, { name: agent }), at },
      ],
    };
  }
  seen.current = current;
  const { closedAt } = conversation;
  return conversation.status === 'closed' && closedAt
    ? [...current.lines, { key: 'closed', text: t.chatEnded, at: closedAt }]
    : current.lines;
}
