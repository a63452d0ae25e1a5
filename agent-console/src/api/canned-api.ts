/**
 * @module Canned responses over REST: the agent's list (shared + personal), their own at
 * /api/canned-responses, and the shared set at /api/admin/canned-responses (admins only).
 */
import { restRoutes, type CannedResponse, type CannedResponseRequest, type CannedScope } from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface CannedApi {
  /** The shared set and the signed-in agent's own. */
  list(): Promise<CannedResponse[]>;
  create(scope: CannedScope, request: CannedResponseRequest): Promise<CannedResponse>;
  update(scope: CannedScope, id: string, request: CannedResponseRequest): Promise<CannedResponse>;
  remove(scope: CannedScope, id: string): Promise<void>;
}

const routesOf = (scope: CannedScope) =>
  scope === 'shared' ? restRoutes.sharedCannedResponses : restRoutes.cannedResponses;

export function createCannedApi(rest: RestClient): CannedApi {
  return {
    async list() {
      return (await rest.call(restRoutes.cannedResponses.list)).cannedResponses;
    },
    async create(scope, request) {
      return (await rest.call(routesOf(scope).create, { body: request })).cannedResponse;
    },
    async update(scope, id, request) {
      return (await rest.call(routesOf(scope).update, { params: { cannedResponseId: id }, body: request }))
        .cannedResponse;
    },
    async remove(scope, id) {
      await rest.call(routesOf(scope).delete, { params: { cannedResponseId: id } });
    },
  };
}
