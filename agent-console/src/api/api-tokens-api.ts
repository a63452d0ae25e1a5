/**
 * @module The API tokens page's REST calls (issue 21), by route of the shared table. The plain token
 * comes back once, from create; the server keeps only its hash.
 */
import {
  apiTokenRoutes,
  type ApiToken,
  type CreateApiTokenRequest,
  type CreatedApiTokenResponse,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface ApiTokensApi {
  list(): Promise<ApiToken[]>;
  create(request: CreateApiTokenRequest): Promise<CreatedApiTokenResponse>;
  revoke(tokenId: string): Promise<ApiToken>;
}

export function createApiTokensApi(rest: RestClient): ApiTokensApi {
  return {
    list: async () => (await rest.call(apiTokenRoutes.list)).apiTokens,
    create: (request) => rest.call(apiTokenRoutes.create, { body: request }),
    revoke: async (tokenId) => (await rest.call(apiTokenRoutes.revoke, { params: { tokenId } })).apiToken,
  };
}
