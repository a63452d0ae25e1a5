/**
 * @module What the limits on mail to visitor-given addresses read (visitor-mail-limits.ts): the
 * confirmations in the outbox and the transcript requests of a recent window, counted three ways.
 */

/** Mails of the window: to this address (case-insensitive, on any site), for this visitor, on this site. */
export interface VisitorMailCounts {
  toAddress: number;
  byVisitor: number;
  onSite: number;
}

export interface VisitorMailStore {
  countSince(input: { since: string; address: string; visitorId: string; siteId: string }): Promise<VisitorMailCounts>;
}
