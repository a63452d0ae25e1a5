/**
 * @module Conversations listed by filter, newest first, a page at a time (the public API's list).
 * A page ends with a cursor (the last row's creation time and id), so pages never overlap or skip
 * while new conversations arrive.
 */
import type { Conversation, ConversationStatus } from '@parley/shared';

export interface ConversationListFilter {
  /** Only these sites; null: every site. */
  siteIds: readonly string[] | null;
  status?: ConversationStatus | undefined;
  agentId?: string | undefined;
  visitorId?: string | undefined;
  /** Strictly older than this (createdAt, id) pair: the previous page's last row. */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export interface ConversationListStore {
  list(filter: ConversationListFilter): Promise<Conversation[]>;
}
