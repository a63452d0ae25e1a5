/**
 * @module Limits on mail a visitor can cause to an address they typed (ticket confirmations and
 * transcripts): so many per recipient address, per visitor and per site within an hour. Without
 * them anyone could make Parley mail strangers from the operator's domain. Counted in the store
 * (the outbox and the transcript requests), so every process sees the same numbers; a burst that
 * races past a limit by a mail or two is fine, a stream is not.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';

const VISITOR_MAIL_WINDOW_MS = 60 * 60 * 1000;
/** A person asks for a confirmation and a transcript or two; more to one address is someone else's doing. */
const VISITOR_MAILS_PER_ADDRESS = 3;
const VISITOR_MAILS_PER_VISITOR = 3;

export interface VisitorMailTarget {
  siteId: string;
  visitorId: string;
  address: string;
}

export class VisitorMailLimits {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #perSite: number;

  constructor(deps: { store: Store; now: () => Date; perSitePerHour: number }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#perSite = deps.perSitePerHour;
  }

  /** Whether one more mail to `address` caused by this visitor stays within every limit. */
  async allows(target: VisitorMailTarget): Promise<boolean> {
    const since = new Date(this.#now().getTime() - VISITOR_MAIL_WINDOW_MS).toISOString();
    const counts = await this.#store.visitorMail.countSince({ since, ...target });
    return (
      counts.toAddress < VISITOR_MAILS_PER_ADDRESS &&
      counts.byVisitor < VISITOR_MAILS_PER_VISITOR &&
      counts.onSite < this.#perSite
    );
  }

  /** As allows(), refusing with rate_limited. */
  async check(target: VisitorMailTarget): Promise<void> {
    if (!(await this.allows(target))) {
      throw new ParleyError(ErrorCode.RateLimited, 'Too many emails were asked for: try again in an hour');
    }
  }
}
