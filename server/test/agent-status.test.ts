/**
 * An agent's status over real sockets: away keeps current chats but gets no new ones, offline is
 * not routed and not reachable for visitors, the status survives a reload, every tab hears it, and
 * team:list shows each colleague's status and load.
 */
import { describe, expect, it } from 'vitest';
import type {
  AgentSyncResult,
  Availability,
  ConversationSummary,
  Message,
  SessionResumeResult,
  TeamListResult,
} from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, login, connectAgent, nextEvent } from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';

const t = useTestServer();

describe('agent status', () => {
  it('away keeps the chats held but takes no new ones; online again drains the queue', async () => {
    const ann = await agentOnline(t, 'Ann');
    expect(ann.sync.status).toBe('online');
    const firstAssigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const held = await visitorWrites(t, 'first');
    await firstAssigned;

    const statusEcho = nextEvent<{ status: string }>(ann.socket, 'agent:status');
    expect(await call(ann.socket, 'agent:status', { status: 'away' })).toEqual({ status: 'away' });
    expect(await statusEcho).toEqual({ status: 'away' });
    const waiting = await visitorWrites(t, 'second');
    expect(waiting.conversation.status).toBe('queued');

    // the chat already held goes on as before
    const reply = nextEvent<Message>(held.socket, 'message:new', (m) => m.author.kind === 'agent');
    await call(ann.socket, 'message:send', {
      conversationId: held.conversation.id,
      clientMessageId: clientId(),
      body: 'still here',
    });
    expect((await reply).body).toBe('still here');

    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    await call(ann.socket, 'agent:status', { status: 'online' });
    expect((await assigned).id).toBe(waiting.conversation.id);
  });

  it('is kept across a reload, and heard by every tab of the agent', async () => {
    const agent = await t.createAgent({ name: 'Cy' });
    const cookie = await login(t.url, agent.email, agent.password);
    const tabA = connectAgent(t.url, cookie);
    const tabB = connectAgent(t.url, cookie);
    await Promise.all([connected(tabA), connected(tabB)]);
    const heardInB = nextEvent<{ status: string }>(tabB, 'agent:status');
    await call(tabA, 'agent:status', { status: 'offline' });
    expect(await heardInB).toEqual({ status: 'offline' });
    tabA.disconnect();
    tabB.disconnect();

    const reloaded = connectAgent(t.url, cookie);
    await connected(reloaded);
    expect((await call<AgentSyncResult>(reloaded, 'agent:sync', {})).status).toBe('offline');
    // offline is not routed, even while connected
    const visitor = await visitorWrites(t, 'anyone?');
    expect(visitor.conversation.status).toBe('queued');
  });

  it('offline agents do not count as reachable for visitors', async () => {
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(visitor);
    const reachable = nextEvent<Availability>(visitor, 'availability:updated', (a) => a.agentsOnline);
    const ann = await agentOnline(t, 'Ann');
    await reachable;

    const unreachable = nextEvent<Availability>(visitor, 'availability:updated', (a) => !a.agentsOnline);
    await call(ann.socket, 'agent:status', { status: 'offline' });
    await unreachable;
    expect(
      (await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 })).agentsOnline,
    ).toBe(false);

    // away still counts: the agent is at the desk and the chat will be picked up
    const back = nextEvent<Availability>(visitor, 'availability:updated', (a) => a.agentsOnline);
    await call(ann.socket, 'agent:status', { status: 'away' });
    await back;
  });

  it('lists colleagues with status, connection and load', async () => {
    const ann = await agentOnline(t, 'Ann', 2);
    const bob = await agentOnline(t, 'Bob', 1);
    await call(bob.socket, 'agent:status', { status: 'away' });
    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    await visitorWrites(t, 'hi');
    await assigned;
    const { agents } = await call<TeamListResult>(ann.socket, 'team:list', {});
    expect(agents.map((a) => [a.name, a.status, a.connected, a.activeCount, a.capacity])).toEqual([
      ['Admin', 'online', false, 0, 3],
      ['Ann', 'online', true, 1, 2],
      ['Bob', 'away', true, 0, 1],
    ]);
  });

  it('refuses an unknown status', async () => {
    const ann = await agentOnline(t, 'Ann');
    const res = await ann.socket.timeout(5000).emitWithAck('agent:status', { status: 'busy' } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
