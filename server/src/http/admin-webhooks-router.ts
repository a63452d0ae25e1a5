/**
 * @module /api/admin/sites/:siteId/webhooks: a site's webhook endpoints, their recent deliveries,
 * redelivery and test events. Behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import { webhookRoutes } from '@parley/shared';
import type { WebhookEndpoints } from '../domain/webhooks/webhook-endpoints.ts';
import { handle } from './rest-route.ts';

export function adminWebhooksRouter(endpoints: WebhookEndpoints): Router {
  const router = Router();
  const routes = webhookRoutes.admin;

  handle(router, routes.list, async ({ params }) => ({ endpoints: await endpoints.list(params.siteId) }));

  handle(router, routes.create, async ({ params, body }, _req, res) => {
    const created = await endpoints.create(params.siteId, body);
    res.status(201);
    return created;
  });

  handle(router, routes.update, async ({ params: { siteId, endpointId }, body }) => ({
    endpoint: await endpoints.update(siteId, endpointId, body),
  }));

  handle(router, routes.delete, async ({ params: { siteId, endpointId } }, _req, res) => {
    await endpoints.delete(siteId, endpointId);
    res.status(204).end();
  });

  handle(router, routes.rotateSecret, ({ params: { siteId, endpointId } }) =>
    endpoints.rotateSecret(siteId, endpointId),
  );

  handle(router, routes.deliveries, async ({ params: { siteId, endpointId } }) => ({
    deliveries: await endpoints.deliveries(siteId, endpointId),
  }));

  handle(router, routes.redeliver, async ({ params: { siteId, endpointId, deliveryId } }, _req, res) => {
    const delivery = await endpoints.redeliver(siteId, endpointId, deliveryId);
    res.status(202);
    return { delivery };
  });

  handle(router, routes.sendTest, async ({ params: { siteId, endpointId } }, _req, res) => {
    const delivery = await endpoints.sendTest(siteId, endpointId);
    res.status(202);
    return { delivery };
  });

  return router;
}
