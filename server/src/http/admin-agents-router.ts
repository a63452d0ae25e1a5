/**
 * @module /api/admin/agents: the team list and every change an admin makes to an agent.
 * Behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { AgentDirectory } from '../domain/agent-directory.ts';
import { handle } from './rest-route.ts';
import { toAgentAdminView } from './admin-views.ts';

export function adminAgentsRouter(directory: AgentDirectory): Router {
  const router = Router();
  const routes = restRoutes.agents;

  handle(router, routes.list, async () => ({ agents: (await directory.list()).map(toAgentAdminView) }));

  handle(router, routes.create, async ({ body }, _req, res) => {
    const agent = await directory.create(body);
    res.status(201);
    return { agent: toAgentAdminView(agent) };
  });

  handle(router, routes.update, async ({ params, body }) => ({
    agent: toAgentAdminView(await directory.update(params.agentId, body)),
  }));

  handle(router, routes.deactivate, async ({ params }) => ({
    agent: toAgentAdminView(await directory.deactivate(params.agentId)),
  }));

  handle(router, routes.reactivate, async ({ params }) => ({
    agent: toAgentAdminView(await directory.reactivate(params.agentId)),
  }));

  handle(router, routes.resetPassword, async ({ params, body }) => ({
    agent: toAgentAdminView(await directory.resetPassword(params.agentId, body.password)),
  }));

  return router;
}
