/**
 * @module Steps the agent-workflow tests share: a visitor who writes, agents signed in and synced,
 * and switching the demo site to manual routing (the admin form comes with the admin pages).
 */
import type { AgentSyncResult, Conversation, SendResult, SessionResumeResult } from '@parley/shared';
import type { RoutingMode } from '@parley/shared';
import type { TestServer } from './test-server.ts';
import {
  call,
  clientId,
  connectVisitor,
  connected,
  signInAgent,
  type AgentSocket,
  type VisitorSocket,
} from './clients.ts';

export async function visitorWrites(
  t: TestServer,
  body: string,
): Promise<{ socket: VisitorSocket; conversation: Conversation; token: string }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const { token } = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  const sent = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body });
  return { socket, conversation: sent.conversation, token };
}

export async function agentOnline(
  t: TestServer,
  name: string,
  capacity = 3,
): Promise<{ socket: AgentSocket; id: string; sync: AgentSyncResult }> {
  const agent = await t.createAgent({ name, capacity });
  const socket = await signInAgent(t.url, agent.email, agent.password);
  const sync = await call<AgentSyncResult>(socket, 'agent:sync', {});
  return { socket, id: agent.id, sync };
}

export async function setDemoRouting(t: TestServer, routingMode: RoutingMode): Promise<void> {
  const demo = await t.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  await t.server.store.sites.updateSettings(demo.id, { routingMode });
}
