/**
 * @module /api/admin/api-tokens: admins list, create (the plain token answered once) and revoke API
 * tokens. Behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import { apiTokenRoutes, type ApiToken } from '@parley/shared';
import type { ApiTokenRecord, ApiTokens } from '../domain/api-tokens.ts';
import { handle } from './rest-route.ts';
import { signedInAgent } from './agent-session.ts';

const view = (record: ApiTokenRecord): ApiToken => ({ ...record });

export function adminApiTokensRouter(tokens: ApiTokens): Router {
  const router = Router();
  const routes = apiTokenRoutes;

  handle(router, routes.list, async () => ({ apiTokens: (await tokens.list()).map(view) }));

  handle(router, routes.create, async ({ body }, req, res) => {
    const { token, record } = await tokens.create({
      name: body.name,
      scopes: body.scopes,
      siteIds: body.siteIds ?? null,
      createdBy: signedInAgent(req).id,
    });
    res.status(201);
    return { token, apiToken: view(record) };
  });

  handle(router, routes.revoke, async ({ params }) => ({ apiToken: view(await tokens.revoke(params.tokenId)) }));

  return router;
}
