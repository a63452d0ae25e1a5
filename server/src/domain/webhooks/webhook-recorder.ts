/**
 * @module Turns the domain events of this process into webhook deliveries. The event hub is
 * per process (Redis carries socket broadcasts, never domain events), so each change is recorded
 * once, by the process where it happened. Recording is chained: a process stores its events in the
 * order they happened, which is the order each endpoint receives them.
 */
import type { WebhookEvent } from '@parley/shared';
import type { Store } from '../../store/store.ts';
import type { WebhookEndpointRecord } from '../../store/webhook-store.ts';
import type { DomainEvent } from '../events.ts';
import { webhookEventOf, type SiteWebhookEvent } from './webhook-events.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';

/**
 * How long a site's endpoints are read from memory: most messages go to sites without webhooks, and
 * the message path should not pay a query for that. A change made in this process applies at once
 * (forget), one made in another process within this long.
 */
export const SUBSCRIBERS_CACHE_MS = 5000;

export class WebhookRecorder {
  readonly #store: Store;
  readonly #outbox: WebhookOutbox;
  readonly #onError: (error: unknown, event: SiteWebhookEvent) => void;
  readonly #clock: () => number;
  readonly #endpoints = new Map<string, { until: number; endpoints: Promise<WebhookEndpointRecord[]> }>();
  #tail: Promise<void> = Promise.resolve();

  constructor(deps: {
    store: Store;
    outbox: WebhookOutbox;
    onError: (error: unknown, event: SiteWebhookEvent) => void;
    /** Real time for the cache (tests move the domain clock by hours). */
    clock?: () => number;
  }) {
    this.#store = deps.store;
    this.#outbox = deps.outbox;
    this.#onError = deps.onError;
    this.#clock = deps.clock ?? Date.now;
  }

  readonly onEvent = (event: DomainEvent): void => {
    const webhookEvent = webhookEventOf(event);
    if (!webhookEvent) return;
    // stamped now, stored in turn
    const envelope = this.#outbox.envelope(webhookEvent.type, webhookEvent.siteId, webhookEvent.data);
    this.#tail = this.#tail.then(
      () => this.#record(webhookEvent, envelope),
      () => this.#record(webhookEvent, envelope),
    );
  };

  /** Resolves once every event seen so far is stored (the sender waits for it, and so do tests). */
  settled(): Promise<void> {
    return this.#tail;
  }

  /** An endpoint of this site changed here: read them again on the next event. */
  forget(siteId: string): void {
    this.#endpoints.delete(siteId);
  }

  async #record(event: SiteWebhookEvent, envelope: WebhookEvent): Promise<void> {
    try {
      const endpoints = (await this.#siteEndpoints(event.siteId)).filter((e) => e.events.includes(event.type));
      await this.#outbox.publish(endpoints, envelope);
    } catch (error) {
      this.#onError(error, event);
    }
  }

  #siteEndpoints(siteId: string): Promise<WebhookEndpointRecord[]> {
    const now = this.#clock();
    const cached = this.#endpoints.get(siteId);
    if (cached && cached.until > now) return cached.endpoints;
    const endpoints = this.#store.webhooks.listEndpoints(siteId).then((all) => all.filter((e) => e.enabled));
    // a failed read is not kept
    endpoints.catch(() => this.#endpoints.delete(siteId));
    this.#endpoints.set(siteId, { until: now + SUBSCRIBERS_CACHE_MS, endpoints });
    return endpoints;
  }
}
