/**
 * @module The Webhooks page's REST calls: a site's endpoints, their deliveries, redelivery, test
 * events and secret rotation (webhookRoutes in @parley/shared).
 */
import {
  webhookRoutes,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface WebhooksApi {
  list(siteId: string): Promise<WebhookEndpoint[]>;
  /** The secret comes back this once. */
  create(siteId: string, input: CreateWebhookRequest): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  update(siteId: string, endpointId: string, input: UpdateWebhookRequest): Promise<WebhookEndpoint>;
  remove(siteId: string, endpointId: string): Promise<void>;
  rotateSecret(siteId: string, endpointId: string): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  deliveries(siteId: string, endpointId: string): Promise<WebhookDelivery[]>;
  redeliver(siteId: string, endpointId: string, deliveryId: string): Promise<WebhookDelivery>;
  sendTest(siteId: string, endpointId: string): Promise<WebhookDelivery>;
}

export function createWebhooksApi(rest: RestClient): WebhooksApi {
  const routes = webhookRoutes.admin;
  return {
    list: async (siteId) => (await rest.call(routes.list, { params: { siteId } })).endpoints,
    create: (siteId, input) => rest.call(routes.create, { params: { siteId }, body: input }),
    update: async (siteId, endpointId, input) =>
      (await rest.call(routes.update, { params: { siteId, endpointId }, body: input })).endpoint,
    remove: async (siteId, endpointId) => {
      await rest.call(routes.delete, { params: { siteId, endpointId } });
    },
    rotateSecret: (siteId, endpointId) => rest.call(routes.rotateSecret, { params: { siteId, endpointId } }),
    deliveries: async (siteId, endpointId) =>
      (await rest.call(routes.deliveries, { params: { siteId, endpointId } })).deliveries,
    redeliver: async (siteId, endpointId, deliveryId) =>
      (await rest.call(routes.redeliver, { params: { siteId, endpointId, deliveryId } })).delivery,
    sendTest: async (siteId, endpointId) =>
      (await rest.call(routes.sendTest, { params: { siteId, endpointId } })).delivery,
  };
}
