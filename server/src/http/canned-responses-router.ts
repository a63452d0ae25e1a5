/**
 * @module Canned responses over REST. Any agent reads the shared set with their own and manages
 * their own at /api/canned-responses; the shared set is changed at /api/admin/canned-responses,
 * behind the admin check.
 */
import { Router, type Request } from 'express';
import { CannedResponseIdParamsSchema, CannedResponseRequestSchema } from '@parley/shared';
import type { CannedOwner, CannedResponses } from '../domain/canned-responses.ts';
import { parseOrThrow } from './validate.ts';
import { signedInAgent } from './agent-session.ts';
import { toCannedResponseView } from './admin-views.ts';

/** The same four routes for either kind of owner. */
function cannedRoutes(canned: CannedResponses, ownerOf: (req: Request) => CannedOwner): Router {
  const router = Router();
  const idOf = (params: unknown) => parseOrThrow(CannedResponseIdParamsSchema, params).cannedResponseId;

  router.get('/canned-responses', async (req, res) => {
    const owner = ownerOf(req);
    const all = await canned.listFor(signedInAgent(req));
    const visible = owner.scope === 'shared' ? all.filter((r) => r.scope === 'shared') : all;
    res.json({ cannedResponses: visible.map(toCannedResponseView) });
  });

  router.post('/canned-responses', async (req, res) => {
    const created = await canned.create(ownerOf(req), parseOrThrow(CannedResponseRequestSchema, req.body));
    res.status(201).json({ cannedResponse: toCannedResponseView(created) });
  });

  router.patch('/canned-responses/:cannedResponseId', async (req, res) => {
    const id = idOf(req.params);
    const updated = await canned.update(ownerOf(req), id, parseOrThrow(CannedResponseRequestSchema, req.body));
    res.json({ cannedResponse: toCannedResponseView(updated) });
  });

  router.delete('/canned-responses/:cannedResponseId', async (req, res) => {
    await canned.delete(ownerOf(req), idOf(req.params));
    res.status(204).end();
  });

  return router;
}

/** Mounted at /api behind requireAgent: the shared set to read, the agent's own to manage. */
export function personalCannedRouter(canned: CannedResponses): Router {
  return cannedRoutes(canned, (req) => ({ scope: 'personal', agent: signedInAgent(req) }));
}

/** Mounted in the admin router: the shared set. */
export function sharedCannedRouter(canned: CannedResponses): Router {
  return cannedRoutes(canned, () => ({ scope: 'shared' }));
}
