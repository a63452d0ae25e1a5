/**
 * @module Retention and privacy: expired conversations anonymised or deleted, a visitor's data exported or erased.
 */
import type { ConversationStatus, Message, TicketStatus } from '@parley/shared';
import type { PageViewRecord } from './page-view-store.ts';
import type { VisitorRecord } from './visitor-store.ts';

/** Everything stored about one visitor, for a privacy export. */
export interface VisitorDataExport {
  visitor: VisitorRecord;
  pageViews: PageViewRecord[];
  conversations: Array<{
    id: string;
    status: ConversationStatus;
    createdAt: string;
    closedAt: string | null;
    rating: number | null;
    ratingComment: string | null;
    messages: Message[];
    ticket: { status: TicketStatus; email: string; createdAt: string; solvedAt: string | null } | null;
    transcriptRequests: Array<{ email: string; requestedAt: string; sentAt: string | null }>;
  }>;
}

/** Retention and privacy requests: removing what is no longer to be kept, everywhere it is stored. */
export interface PrivacyStore {
  /**
   * Ended conversations not yet anonymised whose end is before `cutoff`: chats closed before it, and
   * offline ones (tickets) solved before it, or without a ticket and left before it. Up to `limit` ids.
   */
  expiredConversations(cutoff: string, limit: number): Promise<string[]>;
  /** Deletes the conversations with their messages, notes, ticket, mails and transcript requests. */
  deleteConversations(ids: string[]): Promise<void>;
  /**
   * Keeps the conversations' report facts (times, counts, rating) and deletes what was said or
   * who said it: messages, notes, rating comment, mails, transcript requests, the ticket's address.
   */
  anonymiseConversations(ids: string[], now: string): Promise<void>;
  /**
   * Page views before `cutoff`, and visitors last seen before it with nothing kept of theirs: deleted
   * when none of their conversations is left, their profile cleared when only anonymised ones are.
   * Returns how many visitors were touched.
   */
  forgetIdleVisitors(cutoff: string): Promise<number>;
  exportVisitor(visitorId: string): Promise<VisitorDataExport | undefined>;
  /** Deletes the visitor and everything of theirs; false when there was no such visitor. */
  deleteVisitor(visitorId: string): Promise<boolean>;
}
