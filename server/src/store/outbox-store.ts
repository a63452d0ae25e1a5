/**
 * @module The mail outbox: every mail the server sends, claimed by one sender at a time across processes.
 */
export type MailKind = 'ticket_confirmation' | 'ticket_reply' | 'ticket_notice' | 'transcript' | 'unseen_replies';

/** A mail as the domain writes it to the outbox; From is added when it is sent. */
export interface NewOutboxMail {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  replyTo: string | null;
  conversationId: string | null;
  /** A second mail with the same key is not stored: makes enqueueing from several processes safe. */
  dedupeKey: string | null;
  createdAt: string;
  /** Files sent with the mail (an agent's ticket reply), read from the file storage when it is sent. */
  attachmentIds?: string[];
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMailRecord extends NewOutboxMail {
  status: OutboxStatus;
  /** Sending attempts so far, the current one included once claimed. */
  attempts: number;
  nextAttemptAt: string;
  /** Set while claimed: only the claimer may mark the entry sent or failed. */
  claimToken: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export interface OutboxStore {
  /** Stores the mails; a mail whose dedupeKey is taken is skipped. Returns how many were stored. */
  enqueue(mails: NewOutboxMail[]): Promise<number>;
  /**
   * Claims up to `limit` entries due at `now` (pending, or sending with an expired lease) for one
   * sender: each entry goes to exactly one caller, across processes sharing the database.
   */
  claimDue(input: { now: string; leaseUntil: string; limit: number; claimToken: string }): Promise<OutboxMailRecord[]>;
  /** Only the current claimer marks; false when the claim was lost (lease expired, taken over). */
  markSent(id: string, claimToken: string, now: string): Promise<boolean>;
  /** Back to pending at `retryAt`, or failed for good when retryAt is null. */
  markFailed(id: string, claimToken: string, error: string, retryAt: string | null): Promise<boolean>;
  findById(id: string): Promise<OutboxMailRecord | undefined>;
  list(filter: { conversationId?: string }): Promise<OutboxMailRecord[]>;
  counts(): Promise<Record<OutboxStatus, number>>;
}
