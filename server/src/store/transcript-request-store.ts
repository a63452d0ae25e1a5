/**
 * @module Transcript requests: visitors asking for a chat by email, until the mail worker sends it.
 */
export interface TranscriptRequestRecord {
  id: string;
  conversationId: string;
  email: string;
  requestedAt: string;
  sentAt: string | null;
}

export interface TranscriptRequestStore {
  create(request: { id: string; conversationId: string; email: string; now: string }): Promise<TranscriptRequestRecord>;
  /** Not yet sent, oldest first: what the mailer works through. */
  listPending(limit: number): Promise<TranscriptRequestRecord[]>;
}
