/**
 * @module Read-only questions the UI and the session ask of the console's picture: unread counts, what to
 * mark seen, what to catch up on, list order, visitor labels and what started a conversation.
 */
import type { Conversation, ConversationOrigin } from '@parley/shared';
import { highestSeq } from '@parley/shared/client-core';
import type { ConsoleData, ConversationEntry } from './conversations.ts';
import { visitorDisplayName, type VisitorNaming } from './visitor-name.ts';

/**
 * Visitor messages after the agent's seen mark: held ones, plus the latest when it is not held yet. An agent
 * reply counts as having read what came before it (it may have been written in another tab).
 */
export function unreadCount(entry: ConversationEntry): number {
  let seen = entry.conversation.agentSeenSeq;
  for (const message of entry.messages) if (message.author.kind === 'agent') seen = Math.max(seen, message.seq);
  if (entry.lastMessage?.author.kind === 'agent') seen = Math.max(seen, entry.lastMessage.seq);
  const unread = new Set<number>();
  for (const message of entry.messages) {
    if (message.author.kind === 'visitor' && message.seq > seen) unread.add(message.seq);
  }
  const last = entry.lastMessage;
  if (last && last.author.kind === 'visitor' && last.seq > seen) unread.add(last.seq);
  return unread.size;
}

/** The seq to report in message:seen: the newest visitor message, 0 when the visitor has said nothing. */
export function highestVisitorSeq(entry: ConversationEntry): number {
  let highest = 0;
  for (const message of entry.messages) if (message.author.kind === 'visitor') highest = message.seq;
  const last = entry.lastMessage;
  if (last && last.author.kind === 'visitor') highest = Math.max(highest, last.seq);
  return highest;
}

/** Where a catch-up request starts: after the highest seq held, or from the start when held messages may have gaps. */
export function catchUpAfterSeq(entry: ConversationEntry): number {
  return entry.historyLoaded ? highestSeq(entry.messages) : 0;
}

/**
 * Open conversations first, in the order they were given to the agent, then ended ones, the latest ended
 * first. A stable order keeps an item from jumping away under the pointer as messages arrive; unread badges
 * draw the eye instead.
 */
export function listOrder(data: ConsoleData): ConversationEntry[] {
  const startedAt = (entry: ConversationEntry): string => entry.conversation.assignedAt ?? entry.conversation.createdAt;
  return [...data.mine.values()].sort((a, b) => {
    const closedA = a.conversation.status === 'closed';
    const closedB = b.conversation.status === 'closed';
    if (closedA !== closedB) return closedA ? 1 : -1;
    if (closedA) return (b.conversation.closedAt ?? '').localeCompare(a.conversation.closedAt ?? '');
    return startedAt(a).localeCompare(startedAt(b));
  });
}

/** The visitor's name, else their email, else a stable made-up name (visitor-name.ts). */
export function visitorLabel(conversation: VisitorNaming): string {
  return visitorDisplayName(conversation);
}

export function statusLabel(conversation: Pick<Conversation, 'status'>): string {
  switch (conversation.status) {
    case 'queued':
      return 'Waiting';
    case 'active':
      return 'Active';
    case 'closed':
      return 'Ended';
    case 'offline':
      return 'Offline message';
    // answer bot (issue 22): agents see it only once it is handed off, or in the visitor's history
    case 'bot':
      return 'With the bot';
  }
}

/** Conversations the agent holds open now: what counts against their capacity. */
export function activeCount(data: ConsoleData): number {
  let count = 0;
  for (const entry of data.mine.values()) if (entry.conversation.status === 'active') count += 1;
  return count;
}

/** What the tab title counts: unread visitor messages, plus visitors waiting to be accepted by hand. */
export function attentionCount(data: ConsoleData): number {
  let count = 0;
  for (const entry of data.mine.values()) count += unreadCount(entry);
  for (const waiting of data.queue) if (waiting.routingMode === 'manual') count += 1;
  return count;
}

/** What started a conversation, in words for the agent reading it; null when the visitor wrote first. */
export function originLabel(origin: ConversationOrigin | null, agentId: string | null): string | null {
  if (origin === null) return null;
  if (origin.kind === 'rule') return `Started from rule “${origin.ruleName}”`;
  return origin.agentId === agentId ? 'Started by your invite' : `Started by ${origin.agentName}’s invite`;
}
