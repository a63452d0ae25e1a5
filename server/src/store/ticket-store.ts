/**
 * @module Email tickets: a conversation continued by email, written together with its mails.
 */
import type { ConversationStatus, Message, Ticket, TicketStatus } from '@parley/shared';
import type { NewMessage } from './message-store.ts';
import type { NewOutboxMail } from './outbox-store.ts';

/** A ticket with what only the server knows: the reply address token and the mail thread. */
export interface TicketRecord extends Ticket {
  /** Secret part of the Reply-To address reply+<token>@…: whoever holds it may answer the ticket. */
  replyToken: string;
  /** Message-ID of the first mail of the thread (References' root). */
  rootMessageId: string;
  /** Message-ID of the latest mail either way (the next mail's In-Reply-To). */
  lastMessageId: string;
}

export type NewTicket = Omit<TicketRecord, 'assignee' | 'solvedAt' | 'createdAt' | 'lastActivityAt'> & {
  assigneeId: string | null;
  now: string;
};

/** What a write changes on a ticket; a field left undefined keeps what is stored. */
export interface TicketChange {
  status?: TicketStatus;
  assigneeId?: string | null;
  lastMessageId?: string;
  lastActivityAt?: string;
  solvedAt?: string | null;
}

export interface TicketListFilter {
  status?: TicketStatus;
  email?: string;
  limit: number;
  offset: number;
}

export interface TicketStore {
  findByConversation(conversationId: string): Promise<TicketRecord | undefined>;
  findByReplyToken(token: string): Promise<TicketRecord | undefined>;
  /** The ticket whose outbox sent a mail with one of these Message-IDs (an In-Reply-To/References lookup). */
  findBySentMessageId(messageIds: string[]): Promise<TicketRecord | undefined>;
  /**
   * Makes the conversation a ticket in one transaction: the conversation moves to `offline` (out of
   * queue and agent capacity) only from one of `fromStatuses`, the ticket and its mails are stored.
   * `created: false` with the ticket when it was one already (no mails stored); undefined when the
   * conversation is gone or in another status (someone else got there first).
   */
  open(input: {
    ticket: NewTicket;
    fromStatuses: ConversationStatus[];
    mails: NewOutboxMail[];
  }): Promise<{ ticket: TicketRecord; created: boolean } | undefined>;
  /**
   * Appends a message to the ticket's conversation, applies the change and stores the mails, all or
   * nothing. A message already stored under the same client id is returned with `created: false`
   * and nothing else is written.
   */
  appendMessage(input: {
    message: NewMessage;
    change: TicketChange;
    mails: (message: Message) => NewOutboxMail[];
    /** Stored files of this conversation that no message has yet: the new message takes them. */
    attachmentIds?: readonly string[];
  }): Promise<{ message: Message; created: boolean; ticket: TicketRecord }>;
  update(conversationId: string, change: TicketChange): Promise<TicketRecord | undefined>;
  /**
   * One page of tickets, newest activity first: with `status`, only those; with `email`, only those
   * whose address contains it (any case). One more than `limit` tells the caller there is more.
   */
  list(filter: TicketListFilter): Promise<TicketRecord[]>;
  /** Active agents, who get new-ticket notifications. */
  agentsToNotify(): Promise<Array<{ id: string; email: string; name: string }>>;
}
