/**
 * @module Canned responses over REST. Any agent reads the shared set with their own and manages
 * their own at /api/canned-responses; the shared set is changed at /api/admin/canned-responses,
 * behind the admin check.
 */
import { Router, type Request } from 'express';
import { restRoutes } from '@parley/shared';
import type { CannedOwner, CannedResponses } from '../domain/canned-responses.ts';
import { handle } from './rest-route.ts';
import { signedInAgent } from './agent-session.ts';
import { toCannedResponseView } from './admin-views.ts';

type CannedRoutes = typeof restRoutes.cannedResponses | typeof restRoutes.sharedCannedResponses;

/** The same four routes for either kind of owner. */
function cannedRouter(canned: CannedResponses, routes: CannedRoutes, ownerOf: (req: Request) => CannedOwner): Router {
  const router = Router();

  handle(router, routes.list, async (_input, req) => {
    const owner = ownerOf(req);
    const all = await canned.listFor(signedInAgent(req));
    const visible = owner.scope === 'shared' ? all.filter((r) => r.scope === 'shared') : all;
    return { cannedResponses: visible.map(toCannedResponseView) };
  });

  handle(router, routes.create, async ({ body }, req, res) => {
    const created = await canned.create(ownerOf(req), body);
    res.status(201);
    return { cannedResponse: toCannedResponseView(created) };
  });

  handle(router, routes.update, async ({ params, body }, req) => ({
    cannedResponse: toCannedResponseView(await canned.update(ownerOf(req), params.cannedResponseId, body)),
  }));

  handle(router, routes.delete, async ({ params }, req, res) => {
    await canned.delete(ownerOf(req), params.cannedResponseId);
    res.status(204).end();
  });

  return router;
}

/** Behind requireAgent: the shared set to read, the agent's own to manage. */
export function personalCannedRouter(canned: CannedResponses): Router {
  return cannedRouter(canned, restRoutes.cannedResponses, (req) => ({ scope: 'personal', agent: signedInAgent(req) }));
}

/** Behind the admin check: the shared set. */
export function sharedCannedRouter(canned: CannedResponses): Router {
  return cannedRouter(canned, restRoutes.sharedCannedResponses, () => ({ scope: 'shared' }));
}
