/**
 * @module Puts webhook events in the delivery outbox. A target is a site's endpoint or anything else
 * that takes signed events (an external bot): `enqueue(target, event)` is the one way in, so every
 * target gets the same signing, retries, ordering and address checks from the sender.
 */
import { WEBHOOK_TEST_EVENT, type WebhookEvent } from '@parley/shared';
import type { Store } from '../../store/store.ts';
import type { NewWebhookDelivery, WebhookDeliveryRecord, WebhookEndpointRecord } from '../../store/webhook-store.ts';
import { newId } from '../ids.ts';

/**
 * Where an event goes. `key` orders a url target's deliveries (one at a time, oldest first); use one
 * key per receiver, e.g. `bot:<id>`.
 */
export type WebhookTarget =
  { kind: 'endpoint'; endpointId: string } | { kind: 'url'; key: string; url: string; secret: string };

export class WebhookOutbox {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  /** An envelope for an event that happens now: a new event id, the time, the site. */
  envelope(type: string, siteId: string | null, data: Record<string, unknown>): WebhookEvent {
    return { id: newId('evt'), type, createdAt: this.#now().toISOString(), siteId, data };
  }

  /** Stores one delivery of `event` to `target`; the sender sends it. */
  async enqueue(target: WebhookTarget, event: WebhookEvent): Promise<WebhookDeliveryRecord> {
    const delivery = this.#delivery(target, event);
    await this.#store.webhooks.enqueue([delivery]);
    return this.#stored(delivery.id);
  }

  /** One delivery of `envelope` per endpoint given (the site's subscribers to its type). */
  async publish(endpoints: WebhookEndpointRecord[], envelope: WebhookEvent): Promise<number> {
    if (endpoints.length === 0) return 0;
    await this.#store.webhooks.enqueue(
      endpoints.map((endpoint) => this.#delivery({ kind: 'endpoint', endpointId: endpoint.id }, envelope)),
    );
    return endpoints.length;
  }

  /** "Send test event": to this endpoint only, whatever it subscribes to. */
  sendTest(endpoint: WebhookEndpointRecord): Promise<WebhookDeliveryRecord> {
    const event = this.envelope(WEBHOOK_TEST_EVENT, endpoint.siteId, {
      endpointId: endpoint.id,
      message: 'A test event sent from the Parley console.',
    });
    return this.enqueue({ kind: 'endpoint', endpointId: endpoint.id }, event);
  }

  /** The same event, same body and event id, once more at the end of the endpoint's queue. */
  async redeliver(original: WebhookDeliveryRecord): Promise<WebhookDeliveryRecord> {
    const again: NewWebhookDelivery = { ...original, id: newId('whd'), createdAt: this.#now().toISOString() };
    await this.#store.webhooks.enqueue([again]);
    return this.#stored(again.id);
  }

  #delivery(target: WebhookTarget, event: WebhookEvent): NewWebhookDelivery {
    const common = {
      id: newId('whd'),
      eventId: event.id,
      eventType: event.type,
      body: JSON.stringify(event),
      createdAt: this.#now().toISOString(),
    };
    return target.kind === 'endpoint'
      ? {
          ...common,
          targetKey: `endpoint:${target.endpointId}`,
          endpointId: target.endpointId,
          url: null,
          secret: null,
        }
      : { ...common, targetKey: `url:${target.key}`, endpointId: null, url: target.url, secret: target.secret };
  }

  async #stored(id: string): Promise<WebhookDeliveryRecord> {
    const stored = await this.#store.webhooks.findDelivery(id);
    if (!stored) throw new Error(`webhook delivery ${id} was not stored`);
    return stored;
  }
}
