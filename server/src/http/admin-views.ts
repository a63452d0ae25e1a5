/**
 * @module What of agents, sites and canned responses the console's pages receive.
 */
import type { AgentAdminView, CannedResponse, SiteAdminView } from '@parley/shared';
import type { AgentRecord } from '../store/agent-store.ts';
import type { CannedResponseRecord } from '../store/canned-response-store.ts';
import type { SiteRecord } from '../store/site-store.ts';
import { toPublicAgent } from './public-agent.ts';
import { widgetSnippet } from './demo-page.ts';

export function toAgentAdminView(agent: AgentRecord): AgentAdminView {
  return { ...toPublicAgent(agent), active: agent.active, createdAt: agent.createdAt };
}

/** `defaultQueueMaxWaitSeconds`: the server's QUEUE_MAX_WAIT_SECONDS, what a site without its own applies. */
export function toSiteAdminView(
  site: SiteRecord,
  publicUrl: string,
  defaultQueueMaxWaitSeconds: number,
): SiteAdminView {
  return {
    id: site.id,
    siteKey: site.siteKey,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    color: site.color,
    position: site.position,
    theme: site.theme,
    greeting: site.greeting,
    locale: site.locale,
    preChat: site.preChat,
    businessHours: site.businessHours,
    identityVerificationRequired: site.identityVerificationRequired,
    routingMode: site.routingMode,
    queueMaxWaitSeconds: site.queueMaxWaitSeconds,
    attachments: site.attachments,
    helpMode: site.helpMode,
    defaultQueueMaxWaitSeconds,
    identitySecret: site.identitySecret,
    isDemo: site.isDemo,
    createdAt: site.createdAt,
    snippet: widgetSnippet(publicUrl, site.siteKey),
  };
}

export function toCannedResponseView(response: CannedResponseRecord): CannedResponse {
  return {
    id: response.id,
    scope: response.scope,
    shortcut: response.shortcut,
    body: response.body,
    content: response.content,
    createdAt: response.createdAt,
    updatedAt: response.updatedAt,
  };
}
