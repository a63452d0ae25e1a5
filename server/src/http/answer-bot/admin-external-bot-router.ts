/**
 * @module /api/admin/sites/:siteId/bot/external: an admin registers the site's external bot (its URL;
 * the secret and API token answered once), changes its URL, rotates its credentials, unregisters it
 * (issue 22). Mounted inside consoleApiRouter, behind requireAgent + requireAdmin.
 */
import { Router } from 'express';
import { externalBotRoutes } from '@parley/shared';
import type { ExternalBotRegistry } from '../../domain/answer-bot/external-bot-registry.ts';
import { handle } from '../rest-route.ts';
import { signedInAgent } from '../agent-session.ts';

export function adminExternalBotRouter(registry: ExternalBotRegistry): Router {
  const router = Router();
  const routes = externalBotRoutes;
  handle(router, routes.get, async ({ params }) => ({ externalBot: await registry.get(params.siteId) }));
  handle(router, routes.register, ({ params, body }, req) =>
    registry.register(params.siteId, body.url, signedInAgent(req).id),
  );
  handle(router, routes.rotate, ({ params }, req) => registry.rotate(params.siteId, signedInAgent(req).id));
  handle(router, routes.unregister, async ({ params }) => {
    await registry.unregister(params.siteId);
    return { externalBot: null };
  });
  return router;
}
