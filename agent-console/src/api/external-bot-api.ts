/**
 * @module A site's external bot over REST (issue 22, bot-external): read it, register it or change its
 * URL, rotate its credentials, unregister it. Registration and rotation answer the secret and token once.
 */
import { externalBotRoutes, type ExternalBot, type ExternalBotRegisteredResponse } from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface ExternalBotApi {
  get(siteId: string): Promise<ExternalBot | null>;
  register(siteId: string, url: string): Promise<ExternalBotRegisteredResponse>;
  rotate(siteId: string): Promise<ExternalBotRegisteredResponse>;
  unregister(siteId: string): Promise<void>;
}

export function createExternalBotApi(rest: RestClient): ExternalBotApi {
  const routes = externalBotRoutes;
  return {
    get: async (siteId) => (await rest.call(routes.get, { params: { siteId } })).externalBot,
    register: (siteId, url) => rest.call(routes.register, { params: { siteId }, body: { url } }),
    rotate: (siteId) => rest.call(routes.rotate, { params: { siteId } }),
    unregister: async (siteId) => {
      await rest.call(routes.unregister, { params: { siteId } });
    },
  };
}
