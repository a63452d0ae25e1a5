/**
 * @module The admin pages' REST calls: agents and sites. Payloads are the shared schemas; the server
 * checks the admin role on every call whatever the console shows.
 */
import {
  AgentAdminResponseSchema,
  AgentListResponseSchema,
  CreateAgentRequestSchema,
  CreateSiteRequestSchema,
  ResetPasswordRequestSchema,
  SiteAdminResponseSchema,
  SiteListResponseSchema,
  UpdateAgentRequestSchema,
  UpdateSiteRequestSchema,
  type AgentAdminView,
  type CreateAgentRequest,
  type CreateSiteRequest,
  type SiteAdminView,
  type UpdateAgentRequest,
  type UpdateSiteRequest,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface AdminApi {
  listAgents(): Promise<AgentAdminView[]>;
  createAgent(request: CreateAgentRequest): Promise<AgentAdminView>;
  updateAgent(agentId: string, request: UpdateAgentRequest): Promise<AgentAdminView>;
  deactivateAgent(agentId: string): Promise<AgentAdminView>;
  reactivateAgent(agentId: string): Promise<AgentAdminView>;
  resetPassword(agentId: string, password: string): Promise<AgentAdminView>;
  listSites(): Promise<SiteAdminView[]>;
  createSite(request: CreateSiteRequest): Promise<SiteAdminView>;
  updateSite(siteId: string, request: UpdateSiteRequest): Promise<SiteAdminView>;
  regenerateIdentitySecret(siteId: string): Promise<SiteAdminView>;
}

const agentPath = (agentId: string, action = '') => `/api/admin/agents/${encodeURIComponent(agentId)}${action}`;
const sitePath = (siteId: string, action = '') => `/api/admin/sites/${encodeURIComponent(siteId)}${action}`;

export function createAdminApi(rest: RestClient): AdminApi {
  const agent = async (promise: Promise<{ agent: AgentAdminView }>) => (await promise).agent;
  const site = async (promise: Promise<{ site: SiteAdminView }>) => (await promise).site;
  return {
    async listAgents() {
      return (await rest.get('/api/admin/agents', AgentListResponseSchema)).agents;
    },
    createAgent: (request) =>
      agent(rest.send('POST', '/api/admin/agents', CreateAgentRequestSchema, request, AgentAdminResponseSchema)),
    updateAgent: (agentId, request) =>
      agent(rest.send('PATCH', agentPath(agentId), UpdateAgentRequestSchema, request, AgentAdminResponseSchema)),
    deactivateAgent: (agentId) =>
      agent(rest.send('POST', agentPath(agentId, '/deactivate'), null, undefined, AgentAdminResponseSchema)),
    reactivateAgent: (agentId) =>
      agent(rest.send('POST', agentPath(agentId, '/reactivate'), null, undefined, AgentAdminResponseSchema)),
    resetPassword: (agentId, password) =>
      agent(
        rest.send(
          'POST',
          agentPath(agentId, '/password'),
          ResetPasswordRequestSchema,
          { password },
          AgentAdminResponseSchema,
        ),
      ),
    async listSites() {
      return (await rest.get('/api/admin/sites', SiteListResponseSchema)).sites;
    },
    createSite: (request) =>
      site(rest.send('POST', '/api/admin/sites', CreateSiteRequestSchema, request, SiteAdminResponseSchema)),
    updateSite: (siteId, request) =>
      site(rest.send('PATCH', sitePath(siteId), UpdateSiteRequestSchema, request, SiteAdminResponseSchema)),
    regenerateIdentitySecret: (siteId) =>
      site(rest.send('POST', sitePath(siteId, '/identity-secret'), null, undefined, SiteAdminResponseSchema)),
  };
}
