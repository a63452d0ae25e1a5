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
  /**
   * The conversation's one request, made or pointed at `email` (and dated `now`) while its
   * transcript is not sent yet; undefined when it was sent already (to `findByConversation(…).email`).
   */
  request(request: {
    id: string;
    conversationId: string;
    email: string;
    now: string;
  }): Promise<TranscriptRequestRecord | undefined>;
  findByConversation(conversationId: string): Promise<TranscriptRequestRecord | undefined>;
  /** Not yet sent, oldest first: what the mailer works through. */
  listPending(limit: number): Promise<TranscriptRequestRecord[]>;
}
