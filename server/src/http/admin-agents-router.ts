/**
 * @module /api/admin/agents: the team list and every change an admin makes to an agent.
 * Mounted behind requireAgent + requireAdmin (admin-router.ts).
 */
import { Router } from 'express';
import {
  AgentIdParamsSchema,
  CreateAgentRequestSchema,
  ResetPasswordRequestSchema,
  UpdateAgentRequestSchema,
} from '@parley/shared';
import type { AgentDirectory } from '../domain/agent-directory.ts';
import { parseOrThrow } from './validate.ts';
import { toAgentAdminView } from './admin-views.ts';

export function adminAgentsRouter(directory: AgentDirectory): Router {
  const router = Router();
  const idOf = (params: unknown) => parseOrThrow(AgentIdParamsSchema, params).agentId;

  router.get('/agents', async (_req, res) => {
    res.json({ agents: (await directory.list()).map(toAgentAdminView) });
  });

  router.post('/agents', async (req, res) => {
    const agent = await directory.create(parseOrThrow(CreateAgentRequestSchema, req.body));
    res.status(201).json({ agent: toAgentAdminView(agent) });
  });

  router.patch('/agents/:agentId', async (req, res) => {
    const agentId = idOf(req.params);
    const agent = await directory.update(agentId, parseOrThrow(UpdateAgentRequestSchema, req.body));
    res.json({ agent: toAgentAdminView(agent) });
  });

  router.post('/agents/:agentId/deactivate', async (req, res) => {
    res.json({ agent: toAgentAdminView(await directory.deactivate(idOf(req.params))) });
  });

  router.post('/agents/:agentId/reactivate', async (req, res) => {
    res.json({ agent: toAgentAdminView(await directory.reactivate(idOf(req.params))) });
  });

  router.post('/agents/:agentId/password', async (req, res) => {
    const agentId = idOf(req.params);
    const { password } = parseOrThrow(ResetPasswordRequestSchema, req.body);
    res.json({ agent: toAgentAdminView(await directory.resetPassword(agentId, password)) });
  });

  return router;
}
