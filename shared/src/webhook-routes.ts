/**
 * @module The admin's webhook endpoints, per site (/api/admin/sites/:siteId/webhooks): the console's
 * REST client and the server's router both go through this table (see rest-routes.ts).
 */
import type { RestRoute } from './rest-routes.ts';
import { SiteIdParamsSchema } from './admin.ts';
import {
  CreateWebhookRequestSchema,
  UpdateWebhookRequestSchema,
  WebhookDeliveriesResponseSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliveryResponseSchema,
  WebhookListResponseSchema,
  WebhookParamsSchema,
  WebhookResponseSchema,
  WebhookWithSecretResponseSchema,
} from './webhooks.ts';

const base = '/api/admin/sites/:siteId/webhooks';

export const webhookRoutes = {
  admin: {
    list: { method: 'GET', path: base, params: SiteIdParamsSchema, response: WebhookListResponseSchema },
    create: {
      method: 'POST',
      path: base,
      params: SiteIdParamsSchema,
      request: CreateWebhookRequestSchema,
      response: WebhookWithSecretResponseSchema,
    },
    update: {
      method: 'PATCH',
      path: `${base}/:endpointId`,
      params: WebhookParamsSchema,
      request: UpdateWebhookRequestSchema,
      response: WebhookResponseSchema,
    },
    delete: { method: 'DELETE', path: `${base}/:endpointId`, params: WebhookParamsSchema },
    rotateSecret: {
      method: 'POST',
      path: `${base}/:endpointId/rotate-secret`,
      params: WebhookParamsSchema,
      response: WebhookWithSecretResponseSchema,
    },
    deliveries: {
      method: 'GET',
      path: `${base}/:endpointId/deliveries`,
      params: WebhookParamsSchema,
      response: WebhookDeliveriesResponseSchema,
    },
    redeliver: {
      method: 'POST',
      path: `${base}/:endpointId/deliveries/:deliveryId/redeliver`,
      params: WebhookDeliveryParamsSchema,
      response: WebhookDeliveryResponseSchema,
    },
    sendTest: {
      method: 'POST',
      path: `${base}/:endpointId/test`,
      params: WebhookParamsSchema,
      response: WebhookDeliveryResponseSchema,
    },
  },
} as const satisfies Record<string, Record<string, RestRoute>>;
