/**
 * @module The answer bot settings' REST calls (issue 22): read and change a site's bot.
 */
import { botRoutes, type BotSettings, type BotSettingsUpdate } from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface BotApi {
  get(siteId: string): Promise<BotSettings>;
  update(siteId: string, change: BotSettingsUpdate): Promise<BotSettings>;
}

export function createBotApi(rest: RestClient): BotApi {
  return {
    get: async (siteId) => (await rest.call(botRoutes.get, { params: { siteId } })).bot,
    update: async (siteId, change) => (await rest.call(botRoutes.update, { params: { siteId }, body: change })).bot,
  };
}
