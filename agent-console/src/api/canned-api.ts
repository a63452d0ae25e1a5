/**
 * @module Canned responses over REST: the agent's list (shared + personal), their own at
 * /api/canned-responses, and the shared set at /api/admin/canned-responses (admins only).
 */
import {
  CannedResponseListSchema,
  CannedResponseRequestSchema,
  CannedResponseResponseSchema,
  type CannedResponse,
  type CannedResponseRequest,
  type CannedScope,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface CannedApi {
  /** The shared set and the signed-in agent's own. */
  list(): Promise<CannedResponse[]>;
  create(scope: CannedScope, request: CannedResponseRequest): Promise<CannedResponse>;
  update(scope: CannedScope, id: string, request: CannedResponseRequest): Promise<CannedResponse>;
  remove(scope: CannedScope, id: string): Promise<void>;
}

const base = (scope: CannedScope) => (scope === 'shared' ? '/api/admin/canned-responses' : '/api/canned-responses');

export function createCannedApi(rest: RestClient): CannedApi {
  return {
    async list() {
      return (await rest.get('/api/canned-responses', CannedResponseListSchema)).cannedResponses;
    },
    async create(scope, request) {
      return (await rest.send('POST', base(scope), CannedResponseRequestSchema, request, CannedResponseResponseSchema))
        .cannedResponse;
    },
    async update(scope, id, request) {
      const path = `${base(scope)}/${encodeURIComponent(id)}`;
      return (await rest.send('PATCH', path, CannedResponseRequestSchema, request, CannedResponseResponseSchema))
        .cannedResponse;
    },
    async remove(scope, id) {
      await rest.send('DELETE', `${base(scope)}/${encodeURIComponent(id)}`, null, undefined, null);
    },
  };
}
