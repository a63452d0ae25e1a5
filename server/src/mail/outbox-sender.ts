/**
 * @module Sends what is due in the outbox: claims entries (each goes to one process), sends each,
 * and marks it sent, or due again after an exponentially growing pause, or failed for good after
 * too many attempts or a permanent refusal. Without a transport nothing is claimed: mail waits.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { OutboxMailRecord } from '../store/outbox-store.ts';
import type { Store } from '../store/store.ts';
import { SMTP_TIMEOUT_MS, SendFailure, type MailTransport } from './mail-transport.ts';

export interface RetryPolicy {
  /** Pause after the first failed attempt; doubles with every further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** How long a claim holds; longer than a send can take (connect + greeting + data timeouts). */
  leaseMs: number;
  batchSize: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 10,
  leaseMs: 10 * SMTP_TIMEOUT_MS,
  batchSize: 20,
};

/** Pause before attempt n+1 after n failed ones. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

export class OutboxSender {
  readonly #store: Store;
  readonly #transport: MailTransport | undefined;
  readonly #now: () => Date;
  readonly #logger: Logger;
  readonly #policy: RetryPolicy;

  constructor(deps: {
    store: Store;
    transport: MailTransport | undefined;
    now: () => Date;
    logger: Logger;
    policy?: RetryPolicy;
  }) {
    this.#store = deps.store;
    this.#transport = deps.transport;
    this.#now = deps.now;
    this.#logger = deps.logger;
    this.#policy = deps.policy ?? DEFAULT_RETRY;
  }

  get configured(): boolean {
    return this.#transport !== undefined;
  }

  async sendDue(): Promise<SendReport> {
    const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
    const transport = this.#transport;
    if (!transport) return report;
    const claimToken = randomBytes(12).toString('hex');
    for (;;) {
      const now = this.#now();
      const claimed = await this.#store.outbox.claimDue({
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.#policy.leaseMs).toISOString(),
        limit: this.#policy.batchSize,
        claimToken,
      });
      if (claimed.length === 0) return report;
      for (const mail of claimed) report[await this.#sendOne(transport, mail, claimToken)] += 1;
    }
  }

  async #sendOne(transport: MailTransport, mail: OutboxMailRecord, claimToken: string): Promise<keyof SendReport> {
    try {
      await transport.send(mail);
    } catch (error) {
      const permanent = error instanceof SendFailure && error.permanent;
      const giveUp = permanent || mail.attempts >= this.#policy.maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(this.#now().getTime() + retryDelayMs(mail.attempts, this.#policy)).toISOString();
      const reason = error instanceof Error ? error.message : String(error);
      await this.#store.outbox.markFailed(mail.id, claimToken, reason, retryAt);
      const fields = { mailId: mail.id, kind: mail.kind, attempts: mail.attempts, retryAt, error: reason };
      if (giveUp) this.#logger.error('mail not sent, giving up', fields);
      else this.#logger.warn('mail not sent, will retry', fields);
      return giveUp ? 'failed' : 'retrying';
    }
    // A lost claim here means our send outlived the lease and another process took the entry over.
    if (!(await this.#store.outbox.markSent(mail.id, claimToken, this.#now().toISOString()))) {
      this.#logger.warn('mail sent after its claim lapsed', { mailId: mail.id });
    }
    return 'sent';
  }
}
