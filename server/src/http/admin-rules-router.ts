/**
 * @module /api/admin/sites/:siteId/rules: a site's page rules with their counts. Mounted behind
 * requireAgent + requireAdmin (admin-router.ts); the widget config (widget-router.ts) serves the
 * enabled ones, so a change shows there on the next fetch.
 */
import { Router } from 'express';
import {
  ProactiveRuleParamsSchema,
  ProactiveRuleRequestSchema,
  ReorderRulesRequestSchema,
  SetRuleEnabledRequestSchema,
  SiteIdParamsSchema,
} from '@parley/shared';
import type { ProactiveRules } from '../domain/proactive-rules.ts';
import { parseOrThrow } from './validate.ts';

export function adminRulesRouter(rules: ProactiveRules): Router {
  const router = Router();
  const siteOf = (params: unknown) => parseOrThrow(SiteIdParamsSchema, params).siteId;
  const ruleOf = (params: unknown) => parseOrThrow(ProactiveRuleParamsSchema, params);

  router.get('/sites/:siteId/rules', async (req, res) => {
    res.json({ rules: await rules.list(siteOf(req.params)) });
  });

  router.post('/sites/:siteId/rules', async (req, res) => {
    const siteId = siteOf(req.params);
    const rule = await rules.create(siteId, parseOrThrow(ProactiveRuleRequestSchema, req.body));
    res.status(201).json({ rule });
  });

  // before /rules/:ruleId, and a separate path, so no rule id can be mistaken for it
  router.put('/sites/:siteId/rule-order', async (req, res) => {
    const siteId = siteOf(req.params);
    const { ruleIds } = parseOrThrow(ReorderRulesRequestSchema, req.body);
    res.json({ rules: await rules.reorder(siteId, ruleIds) });
  });

  router.put('/sites/:siteId/rules/:ruleId', async (req, res) => {
    const { siteId, ruleId } = ruleOf(req.params);
    res.json({ rule: await rules.replace(siteId, ruleId, parseOrThrow(ProactiveRuleRequestSchema, req.body)) });
  });

  router.patch('/sites/:siteId/rules/:ruleId', async (req, res) => {
    const { siteId, ruleId } = ruleOf(req.params);
    const { enabled } = parseOrThrow(SetRuleEnabledRequestSchema, req.body);
    res.json({ rule: await rules.setEnabled(siteId, ruleId, enabled) });
  });

  router.delete('/sites/:siteId/rules/:ruleId', async (req, res) => {
    const { siteId, ruleId } = ruleOf(req.params);
    await rules.delete(siteId, ruleId);
    res.status(204).end();
  });

  return router;
}
