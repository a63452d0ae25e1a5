/**
 * @module Conversations: queue, assignment, transfer, reopen and close, each atomic across processes.
 */
import type {
  AuthorKind,
  Conversation,
  ConversationOrigin,
  ConversationSummary,
  PastConversation,
  QueuedConversation,
} from '@parley/shared';

export interface ConversationStore {
  findById(id: string): Promise<Conversation | undefined>;
  /** The visitor's queued, active or bot-held conversation, if any: there is at most one. */
  findOpenByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** Which of these visitors have a queued or active conversation: one read for a whole list. */
  visitorsWithOpen(visitorIds: readonly string[]): Promise<Set<string>>;
  findLatestByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** The visitor's conversations newest first, each with its opening visitor message, for the visitor panel. */
  listByVisitor(visitorId: string, limit: number): Promise<PastConversation[]>;
  /**
   * A new conversation, queued unless `status` says offline (or bot: the site's bot answers first). A queued one fails with a Conflict
   * ParleyError when the visitor already has an open (queued or active) conversation.
   */
  create(input: {
    id: string;
    siteId: string;
    visitorId: string;
    now: string;
    status?: 'queued' | 'offline' | 'bot';
    /** What started it, when the visitor answered a proactive message (issue 6); a rule's id is kept for reports. */
    origin?: ConversationOrigin | null;
  }): Promise<Conversation>;
  /** Queued conversations, oldest first, with the opening message and the site's routing mode. */
  listQueued(): Promise<QueuedConversation[]>;
  /** 1-based place of a queued conversation in listQueued's order, or null when it is not queued. */
  queuePosition(id: string): Promise<number | null>;
  listOpenForAgent(agentId: string): Promise<ConversationSummary[]>;
  /** The agent's conversations closed at or after `since`, the most recently closed first, at most `limit`. */
  listClosedForAgent(agentId: string, since: string, limit: number): Promise<ConversationSummary[]>;
  summary(id: string): Promise<ConversationSummary | undefined>;
  /**
   * Assigns only if still queued and the agent is active, online and below capacity, checked in the
   * same transaction (atomic across processes); undefined when someone else got there first or the
   * agent has no free seat.
   */
  assign(id: string, agentId: string, now: string): Promise<Conversation | undefined>;
  /**
   * Moves an active conversation from one agent to another who is online with a free seat (checked
   * atomically, as for assign); undefined when it is not `from`'s active one or the seat is gone.
   */
  transfer(id: string, fromAgentId: string, toAgentId: string): Promise<Conversation | undefined>;
  /**
   * Back to active with the same agent, only if it is closed, was theirs and they have a free seat;
   * undefined otherwise. A Conflict ParleyError when the visitor has meanwhile opened another conversation.
   */
  reopen(id: string, agentId: string): Promise<Conversation | undefined>;
  /** Closes only if open; undefined when it was already closed. */
  close(id: string, by: AuthorKind, now: string): Promise<Conversation | undefined>;
  /** Raises the seen mark of one side, never lowers it. */
  markSeen(id: string, by: 'visitor' | 'agent', seq: number): Promise<Conversation | undefined>;
  /** Sets (or replaces) the visitor's rating. */
  rate(id: string, rating: number, comment: string | null): Promise<Conversation | undefined>;
  /**
   * Puts the agent's active conversations back in the queue (unassigned, keeping their creation
   * time, so they are first in line again) and returns them as they are now.
   */
  requeueForAgent(agentId: string): Promise<Conversation[]>;
  /** Ids of the agents who hold at least one active conversation. */
  activeHolders(): Promise<string[]>;
  /** Seconds from creation to assignment of the `limit` most recently assigned conversations. */
  recentWaits(limit: number): Promise<number[]>;
}
