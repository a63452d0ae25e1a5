/**
 * @module The admin pages' REST calls: agents and sites, by route of the shared table. Payloads are the
 * shared schemas; the server checks the admin role on every call whatever the console shows.
 */
import {
  restRoutes,
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

export function createAdminApi(rest: RestClient): AdminApi {
  const { agents, sites } = restRoutes;
  const agent = async (promise: Promise<{ agent: AgentAdminView }>) => (await promise).agent;
  const site = async (promise: Promise<{ site: SiteAdminView }>) => (await promise).site;
  return {
    listAgents: async () => (await rest.call(agents.list)).agents,
    createAgent: (request) => agent(rest.call(agents.create, { body: request })),
    updateAgent: (agentId, request) => agent(rest.call(agents.update, { params: { agentId }, body: request })),
    deactivateAgent: (agentId) => agent(rest.call(agents.deactivate, { params: { agentId } })),
    reactivateAgent: (agentId) => agent(rest.call(agents.reactivate, { params: { agentId } })),
    resetPassword: (agentId, password) =>
      agent(rest.call(agents.resetPassword, { params: { agentId }, body: { password } })),
    listSites: async () => (await rest.call(sites.list)).sites,
    createSite: (request) => site(rest.call(sites.create, { body: request })),
    updateSite: (siteId, request) => site(rest.call(sites.update, { params: { siteId }, body: request })),
    regenerateIdentitySecret: (siteId) => site(rest.call(sites.regenerateIdentitySecret, { params: { siteId } })),
  };
}
