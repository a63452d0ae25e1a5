/**
 * @module /api/admin/sites/:siteId/rules: a site's page rules with their counts. Behind
 * requireAgent + requireAdmin (admin-router.ts); the widget config (widget-router.ts) serves the
 * enabled ones, so a change shows there on the next fetch.
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { ProactiveRules } from '../domain/proactive-rules.ts';
import { handle } from './rest-route.ts';

export function adminRulesRouter(rules: ProactiveRules): Router {
  const router = Router();
  const routes = restRoutes.rules;

  handle(router, routes.list, async ({ params }) => ({ rules: await rules.list(params.siteId) }));

  handle(router, routes.create, async ({ params, body }, _req, res) => {
    const rule = await rules.create(params.siteId, body);
    res.status(201);
    return { rule };
  });

  // before /rules/:ruleId, and a separate path, so no rule id can be mistaken for it
  handle(router, routes.reorder, async ({ params, body }) => ({
    rules: await rules.reorder(params.siteId, body.ruleIds),
  }));

  handle(router, routes.replace, async ({ params: { siteId, ruleId }, body }) => ({
    rule: await rules.replace(siteId, ruleId, body),
  }));

  handle(router, routes.setEnabled, async ({ params: { siteId, ruleId }, body }) => ({
    rule: await rules.setEnabled(siteId, ruleId, body.enabled),
  }));

  handle(router, routes.delete, async ({ params: { siteId, ruleId } }, _req, res) => {
    await rules.delete(siteId, ruleId);
    res.status(204).end();
  });

  return router;
}
