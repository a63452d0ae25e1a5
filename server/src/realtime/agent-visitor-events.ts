/**
 * @module Visitor events on the /agent namespace (the panel, the live list, invites), beside the chat
 * events of agent-namespace.ts; each event acts for the agent as stored at that moment (agent-access.ts).
 */
import { agentVisitorClientEvents } from '@parley/shared';
import type { VisitorInsight } from '../domain/visitor-insight.ts';
import type { ProactiveOutreach } from '../domain/proactive-outreach.ts';
import { bindAgentHandlers, type AgentAccessDeps } from './agent-access.ts';
import type { AgentNamespace } from './namespaces.ts';

export function setUpAgentVisitorEvents(
  nsp: AgentNamespace,
  deps: { insight: VisitorInsight; outreach: ProactiveOutreach } & AgentAccessDeps,
): void {
  nsp.on('connection', (socket) => {
    bindAgentHandlers(
      socket,
      agentVisitorClientEvents,
      {
        'visitor:details': ({ conversationId }, agent) => deps.insight.forConversation(agent, conversationId),
        'visitors:live': async () => ({ visitors: await deps.insight.live() }),
        'visitor:invite': ({ visitorId, message }, agent) => deps.outreach.invite(agent, visitorId, message),
      },
      deps,
    );
  });
}
