/**
 * @module /api/admin/sites/:siteId/bot: an admin reads and changes the site's answer bot settings
 * (issue 22). Mounted inside consoleApiRouter, behind requireAgent + requireAdmin.
 */
import { Router } from 'express';
import { botRoutes } from '@parley/shared';
import type { BotSettingsAdmin } from '../../domain/answer-bot/bot-settings.ts';
import { handle } from '../rest-route.ts';

export function adminBotRouter(settings: BotSettingsAdmin): Router {
  const router = Router();
  handle(router, botRoutes.get, async ({ params }) => ({ bot: await settings.get(params.siteId), ...settings.llm() }));
  handle(router, botRoutes.update, async ({ params, body }) => ({
    bot: await settings.update(params.siteId, body),
    ...settings.llm(),
  }));
  return router;
}
