/**
 * @module What reports read: the facts recorded as each conversation happened, and the queue now.
 */
import type { ConversationStatus, TicketStatus } from '@parley/shared';

/** One conversation as reports read it: the facts recorded as it happened. */
export interface ConversationFacts {
  id: string;
  siteId: string;
  /** The agent who holds (or last held) it. */
  agentId: string | null;
  status: ConversationStatus;
  /** Queued at (or left, for an offline message). */
  createdAt: string;
  firstAssignedAt: string | null;
  firstAgentReplyAt: string | null;
  closedAt: string | null;
  transferCount: number;
  reopenCount: number;
  /** Set when it became an email ticket. */
  ticket: { status: TicketStatus; solvedAt: string | null } | null;
  rating: number | null;
  startedByRuleId: string | null;
  /** answer bot (issue 22): who closed it; `bot` when the bot resolved it (never missed, never an agent's). */
  closedBy: string | null;
}

export interface ReportStore {
  /** Conversations created in [from, to) (ISO instants), optionally of one site, oldest first. */
  conversationFacts(filter: { from: string; to: string; siteId?: string | undefined }): Promise<ConversationFacts[]>;
  /** Conversations waiting in the queue now, and when the longest-waiting one was queued. */
  waiting(): Promise<{ count: number; oldestCreatedAt: string | null }>;
}
