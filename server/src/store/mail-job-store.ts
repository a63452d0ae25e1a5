/**
 * @module Delayed mail: what the mail worker composes after the fact, and marks done with the mail it stored.
 */
import type { NewOutboxMail } from './outbox-store.ts';
import type { TranscriptRequestRecord } from './transcript-request-store.ts';

/** Mail that is composed later than the event that causes it: transcripts and unseen-reply digests. */
export interface MailJobStore {
  /** Asks for an unseen-replies mail at `dueAt`, unless one is already due earlier. */
  scheduleUnseenReplies(conversationId: string, dueAt: string): Promise<void>;
  /** Claims digests due at `now` until `leaseUntil`; each goes to one caller. */
  claimDueUnseenReplies(
    now: string,
    leaseUntil: string,
    limit: number,
  ): Promise<Array<{ conversationId: string; emailedSeq: number }>>;
  /** Stores the mail (if any), raises the emailed mark and ends the claim, all or nothing. */
  completeUnseenReplies(conversationId: string, emailedSeq: number, mail: NewOutboxMail | null): Promise<void>;
  /** Transcript requests not yet mailed whose conversation has ended (closed or offline). */
  listReadyTranscripts(limit: number): Promise<TranscriptRequestRecord[]>;
  /** Stores the mail and marks the request sent, all or nothing. */
  completeTranscript(requestId: string, mail: NewOutboxMail, now: string): Promise<void>;
}
