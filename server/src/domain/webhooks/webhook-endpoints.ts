/**
 * @module A site's webhook endpoints as admins manage them: create (the secret is answered this once),
 * change, disable, delete, rotate the secret, read recent deliveries, redeliver one, send a test
 * event. Every URL is checked before it is stored (`checkUrl`: the address guard, which resolves it).
 */
import type { CreateWebhookRequest, UpdateWebhookRequest, WebhookDelivery, WebhookEndpoint } from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '../../store/webhook-store.ts';
import { newId } from '../ids.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';

/** How many deliveries the console shows per endpoint. */
export const RECENT_DELIVERIES = 50;

export function publicEndpoint(endpoint: WebhookEndpointRecord): WebhookEndpoint {
  const { id, siteId, url, events, enabled, createdAt, updatedAt } = endpoint;
  return { id, siteId, url, events, enabled, secretHint: endpoint.secret.slice(-4), createdAt, updatedAt };
}

export function publicDelivery(delivery: WebhookDeliveryRecord): WebhookDelivery {
  const { id, eventId, eventType, status, attempts, nextAttemptAt, lastAttemptAt } = delivery;
  const { responseStatus, responseExcerpt, createdAt, deliveredAt } = delivery;
  return {
    id,
    eventId,
    eventType,
    status,
    attempts,
    nextAttemptAt,
    lastAttemptAt,
    responseStatus,
    responseExcerpt,
    createdAt,
    deliveredAt,
  };
}

export class WebhookEndpoints {
  readonly #store: Store;
  readonly #outbox: WebhookOutbox;
  readonly #now: () => Date;
  readonly #checkUrl: (url: string) => Promise<void>;
  readonly #changed: (siteId: string) => void;

  constructor(deps: {
    store: Store;
    outbox: WebhookOutbox;
    now: () => Date;
    /** Throws url_not_allowed for a URL that reaches the server's own network. */
    checkUrl: (url: string) => Promise<void>;
    /** Called after a site's endpoints changed (the recorder reads them again). */
    changed: (siteId: string) => void;
  }) {
    this.#store = deps.store;
    this.#outbox = deps.outbox;
    this.#now = deps.now;
    this.#checkUrl = deps.checkUrl;
    this.#changed = deps.changed;
  }

  async list(siteId: string): Promise<WebhookEndpoint[]> {
    await this.#site(siteId);
    return (await this.#store.webhooks.listEndpoints(siteId)).map(publicEndpoint);
  }

  async create(siteId: string, input: CreateWebhookRequest): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    await this.#site(siteId);
    await this.#checkUrl(input.url);
    const now = this.#now().toISOString();
    const endpoint: WebhookEndpointRecord = {
      id: newId('whk'),
      siteId,
      url: input.url,
      secret: newWebhookSecret(),
      events: unique(input.events),
      enabled: input.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    };
    await this.#store.webhooks.createEndpoint(endpoint);
    this.#changed(siteId);
    return { endpoint: publicEndpoint(endpoint), secret: endpoint.secret };
  }

  async update(siteId: string, endpointId: string, input: UpdateWebhookRequest): Promise<WebhookEndpoint> {
    await this.#endpoint(siteId, endpointId);
    if (input.url !== undefined) await this.#checkUrl(input.url);
    const updated = await this.#store.webhooks.updateEndpoint(
      endpointId,
      {
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.events === undefined ? {} : { events: unique(input.events) }),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      },
      this.#now().toISOString(),
    );
    if (!updated) throw notFound('Webhook endpoint');
    this.#changed(siteId);
    return publicEndpoint(updated);
  }

  async delete(siteId: string, endpointId: string): Promise<void> {
    await this.#endpoint(siteId, endpointId);
    await this.#store.webhooks.deleteEndpoint(endpointId);
    this.#changed(siteId);
  }

  /** A new secret, answered this once; deliveries not yet sent are signed with it. */
  async rotateSecret(siteId: string, endpointId: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    await this.#endpoint(siteId, endpointId);
    const secret = newWebhookSecret();
    const updated = await this.#store.webhooks.updateEndpoint(endpointId, { secret }, this.#now().toISOString());
    if (!updated) throw notFound('Webhook endpoint');
    return { endpoint: publicEndpoint(updated), secret };
  }

  async deliveries(siteId: string, endpointId: string): Promise<WebhookDelivery[]> {
    await this.#endpoint(siteId, endpointId);
    return (await this.#store.webhooks.recentDeliveries(endpointId, RECENT_DELIVERIES)).map(publicDelivery);
  }

  async redeliver(siteId: string, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.#endpoint(siteId, endpointId);
    const original = await this.#store.webhooks.findDelivery(deliveryId);
    if (!original || original.endpointId !== endpointId) throw notFound('Webhook delivery');
    return publicDelivery(await this.#outbox.redeliver(original));
  }

  async sendTest(siteId: string, endpointId: string): Promise<WebhookDelivery> {
    const endpoint = await this.#endpoint(siteId, endpointId);
    return publicDelivery(await this.#outbox.sendTest(endpoint));
  }

  async #site(siteId: string): Promise<void> {
    if (!(await this.#store.sites.findById(siteId))) throw notFound('Site');
  }

  /** The endpoint, only through its own site's path. */
  async #endpoint(siteId: string, endpointId: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.#store.webhooks.findEndpoint(endpointId);
    if (!endpoint || endpoint.siteId !== siteId) throw notFound('Webhook endpoint');
    return endpoint;
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
