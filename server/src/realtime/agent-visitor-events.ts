/**
 * @module Visitor events on the /agent namespace (the panel, the live list, invites), beside the chat
 * events of agent-namespace.ts; the handshake there has already signed the agent in.
 */
import { agentVisitorClientEvents } from '@parley/shared';
import type { Logger } from '../logger.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { VisitorInsight } from '../domain/visitor-insight.ts';
import type { ProactiveOutreach } from '../domain/proactive-outreach.ts';
import { bindHandlers } from './validated-handler.ts';
import type { AgentNamespace } from './namespaces.ts';

export function setUpAgentVisitorEvents(
  nsp: AgentNamespace,
  deps: { insight: VisitorInsight; outreach: ProactiveOutreach; logger: Logger },
): void {
  nsp.on('connection', (socket) => {
    const agent = (socket.data as { agent: AgentRecord }).agent;
    bindHandlers(
      socket,
      agentVisitorClientEvents,
      {
        'visitor:details': ({ conversationId }) => deps.insight.forConversation(agent, conversationId),
        'visitors:live': async () => ({ visitors: await deps.insight.live() }),
        'visitor:invite': ({ visitorId, message }) => deps.outreach.invite(agent, visitorId, message),
      },
      deps.logger,
    );
  });
}
