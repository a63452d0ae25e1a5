/**
 * @module Sends what is due in the webhook outbox: claims each target's oldest unfinished delivery
 * (each goes to one process), signs it with the target's secret at the time of sending, posts it,
 * and marks it delivered, or due again after an exponentially growing pause, or failed for good
 * after the last attempt. Different targets are sent to side by side; one target's in order.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { WebhookDeliveryRecord } from '../store/webhook-store.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/webhooks/webhook-signature.ts';
import type { AttemptResult } from './webhook-request.ts';

export interface WebhookRetryPolicy {
  /** Pause after the first failed attempt; doubles with every further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** How long a claim holds: longer than an attempt can take. */
  leaseMs: number;
  /** Targets sent to at once. */
  batchSize: number;
}

/** 30 s, 1 min, 2 min … capped at 6 h: with 12 attempts a receiver can be away for about a day. */
export function webhookRetryPolicy(maxAttempts: number, timeoutMs: number): WebhookRetryPolicy {
  return { baseDelayMs: 30_000, maxDelayMs: 6 * 60 * 60_000, maxAttempts, leaseMs: 3 * timeoutMs, batchSize: 20 };
}

/** Pause before attempt n+1 after n failed ones. */
export function webhookRetryDelayMs(failedAttempts: number, policy: WebhookRetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}

export interface WebhookSendReport {
  delivered: number;
  retrying: number;
  failed: number;
}

export type PostWebhook = (request: {
  url: string;
  headers: Record<string, string>;
  body: string;
}) => Promise<AttemptResult>;

export class WebhookSender {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #logger: Logger;
  readonly #policy: WebhookRetryPolicy;
  readonly #post: PostWebhook;
  readonly #onFailed: ((delivery: WebhookDeliveryRecord) => void) | undefined;

  constructor(deps: {
    store: Store;
    now: () => Date;
    logger: Logger;
    policy: WebhookRetryPolicy;
    post: PostWebhook;
    /** Told of every failed attempt (an external bot hands off rather than wait for the retry). */
    onFailed?: (delivery: WebhookDeliveryRecord) => void;
  }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#logger = deps.logger;
    this.#policy = deps.policy;
    this.#post = deps.post;
    this.#onFailed = deps.onFailed;
  }

  async sendDue(): Promise<WebhookSendReport> {
    const report: WebhookSendReport = { delivered: 0, retrying: 0, failed: 0 };
    const claimToken = randomBytes(12).toString('hex');
    for (;;) {
      const now = this.#now();
      const claimed = await this.#store.webhooks.claimDue({
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.#policy.leaseMs).toISOString(),
        limit: this.#policy.batchSize,
        claimToken,
      });
      if (claimed.length === 0) return report;
      const outcomes = await Promise.all(claimed.map((delivery) => this.#sendOne(delivery, claimToken)));
      for (const outcome of outcomes) report[outcome] += 1;
    }
  }

  async #sendOne(delivery: WebhookDeliveryRecord, claimToken: string): Promise<keyof WebhookSendReport> {
    const target = await this.#target(delivery);
    const result: AttemptResult =
      'refused' in target
        ? { ok: false, status: null, excerpt: target.refused }
        : await this.#post({
            url: target.url,
            headers: headersFor(delivery, target.secret, this.#now()),
            body: delivery.body,
          });
    const outcome = { at: this.#now().toISOString(), responseStatus: result.status, responseExcerpt: result.excerpt };
    if (result.ok) {
      // a lost claim here means the attempt outlived its lease and another process took it over
      if (!(await this.#store.webhooks.markDelivered(delivery.id, claimToken, outcome))) {
        this.#logger.warn('webhook delivered after its claim lapsed', { deliveryId: delivery.id });
      }
      return 'delivered';
    }
    const giveUp = 'refused' in target || delivery.attempts >= this.#policy.maxAttempts;
    const retryAt = giveUp
      ? null
      : new Date(this.#now().getTime() + webhookRetryDelayMs(delivery.attempts, this.#policy)).toISOString();
    await this.#store.webhooks.markFailed(delivery.id, claimToken, outcome, retryAt);
    this.#onFailed?.({ ...delivery, responseStatus: result.status, responseExcerpt: result.excerpt });
    const fields = { deliveryId: delivery.id, eventType: delivery.eventType, attempts: delivery.attempts, retryAt };
    if (giveUp) this.#logger.warn('webhook not delivered, giving up', { ...fields, error: result.excerpt });
    else this.#logger.info('webhook not delivered, will retry', { ...fields, status: result.status });
    return giveUp ? 'failed' : 'retrying';
  }

  /** Where it goes now: an endpoint's current URL and secret, or the delivery's own. */
  async #target(delivery: WebhookDeliveryRecord): Promise<{ url: string; secret: string } | { refused: string }> {
    if (delivery.endpointId === null) {
      if (delivery.url === null || delivery.secret === null) return { refused: 'the delivery has no target' };
      return { url: delivery.url, secret: delivery.secret };
    }
    const endpoint = await this.#store.webhooks.findEndpoint(delivery.endpointId);
    if (!endpoint) return { refused: 'the endpoint was deleted' };
    if (!endpoint.enabled) return { refused: 'the endpoint is disabled' };
    return { url: endpoint.url, secret: endpoint.secret };
  }
}

function headersFor(delivery: WebhookDeliveryRecord, secret: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, delivery.body),
    'parley-event-id': delivery.eventId,
    'parley-event-type': delivery.eventType,
    'parley-delivery-id': delivery.id,
  };
}
