/**
 * Availability and the queue's wait estimate over real sockets: every visitor hears when the first
 * agent comes online and the last goes offline; resume and queue:position carry the estimate.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Availability, QueuePosition, SendResult, SessionResumeResult } from '@parley/shared';
import { startTestServer, useTestServer, type TestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, nextEvent, signInAgent } from './support/clients.ts';

const t = useTestServer();

async function visitor() {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('availability', () => {
  it('tells every visitor when the first agent signs in and when the last one leaves', async () => {
    const a = await visitor();
    const b = await visitor();
    expect(a.session).toMatchObject({ agentsOnline: false, estimatedWaitSeconds: null });

    const ann = await t.createAgent({ name: 'Ann' });
    const bob = await t.createAgent({ name: 'Bob' });
    const onlineA = nextEvent<Availability>(a.socket, 'availability:updated');
    const onlineB = nextEvent<Availability>(b.socket, 'availability:updated');
    const annSocket = await signInAgent(t.url, ann.email, ann.password);
    expect(await onlineA).toEqual({ agentsOnline: true });
    expect(await onlineB).toEqual({ agentsOnline: true });
    expect(
      (await call<SessionResumeResult>(a.socket, 'session:resume', { conversationId: null, lastSeq: 0 })).agentsOnline,
    ).toBe(true);

    // A second agent changes nothing for visitors; only the last one leaving does.
    const bobSocket = await signInAgent(t.url, bob.email, bob.password);
    const events: Availability[] = [];
    a.socket.on('availability:updated', (update) => events.push(update));
    const offline = nextEvent<Availability>(a.socket, 'availability:updated', (u) => !u.agentsOnline);
    annSocket.disconnect();
    bobSocket.disconnect();
    expect(await offline).toEqual({ agentsOnline: false });
    expect(events).toEqual([{ agentsOnline: false }]);
    expect(
      (await call<SessionResumeResult>(a.socket, 'session:resume', { conversationId: null, lastSeq: 0 })).agentsOnline,
    ).toBe(false);
  });
});

describe('estimated wait', () => {
  it('is unknown without history, then position × median wait ÷ agents with a free seat', async () => {
    const solo = await t.createAgent({ name: 'Solo', capacity: 1 });
    const agent = await signInAgent(t.url, solo.email, solo.password);
    await call(agent, 'agent:sync', {});

    // The first visitor is assigned at once; nobody has waited long enough to estimate from yet.
    const first = await visitor();
    await call<SendResult>(first.socket, 'message:send', { clientMessageId: clientId(), body: 'one' });
    const second = await visitor();
    const { conversation } = await call<SendResult>(second.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'two',
    });
    expect(conversation.status).toBe('queued');
    const waits = await t.server.store.conversations.recentWaits(20);
    expect(waits).toHaveLength(1);

    // The agent is full (no free seat counts as one), so the estimate is position × the median wait.
    const resumed = await call<SessionResumeResult>(second.socket, 'session:resume', {
      conversationId: conversation.id,
      lastSeq: 1,
    });
    expect(resumed.queuePosition).toBe(1);
    expect(resumed.estimatedWaitSeconds).toBe(Math.ceil(waits[0] ?? -1));

    // A third visitor queued behind hears position 2 with twice the per-place estimate.
    const third = await visitor();
    const told = nextEvent<QueuePosition>(third.socket, 'queue:position');
    await call<SendResult>(third.socket, 'message:send', { clientMessageId: clientId(), body: 'three' });
    expect(await told).toMatchObject({ position: 2, estimatedWaitSeconds: Math.ceil(2 * (waits[0] ?? -1)) });

    // With the only agent gone nobody can estimate.
    const unknown = nextEvent<QueuePosition>(third.socket, 'queue:position', (p) => p.estimatedWaitSeconds === null);
    agent.disconnect();
    expect(await unknown).toMatchObject({ position: 2, estimatedWaitSeconds: null });
  });
});

describe('estimated wait on a clock the test moves', () => {
  let clocked: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await clocked?.close();
    clocked = undefined;
  });

  it('uses the median of recent waits and the agents with a free seat', async () => {
    let clock = Date.now();
    const server = await startTestServer({ now: () => new Date(clock) });
    clocked = server;
    const join = async () => {
      const socket = connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin });
      await connected(socket);
      await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
      const sent = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body: 'hi' });
      return { socket, conversation: sent.conversation };
    };
    const solo = await server.createAgent({ name: 'Solo', capacity: 1 });
    const agent = await signInAgent(server.url, solo.email, solo.password);
    await call(agent, 'agent:sync', {});

    // A is taken at once (waited 0 s); B waits 120 s until A closes; C waits 60 s until B closes.
    const a = await join();
    const b = await join();
    clock += 120_000;
    await call(agent, 'conversation:close', { conversationId: a.conversation.id });
    const c = await join();
    clock += 60_000;
    await call(agent, 'conversation:close', { conversationId: b.conversation.id });
    expect((await server.server.store.conversations.recentWaits(20)).sort((x, y) => x - y)).toEqual([0, 60, 120]);

    // Median 60 s; the one agent has no free seat (counts as one): D at place 1 waits ~60 s, E ~120 s.
    const d = await join();
    clock += 1_000; // the queue is ordered by creation time: E comes after D
    const e = connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin });
    await connected(e);
    await call<SessionResumeResult>(e, 'session:resume', { conversationId: null, lastSeq: 0 });
    const toldE = nextEvent<QueuePosition>(e, 'queue:position');
    await call<SendResult>(e, 'message:send', { clientMessageId: clientId(), body: 'me too' });
    expect(await toldE).toMatchObject({ position: 2, estimatedWaitSeconds: 120 });
    const resumedD = await call<SessionResumeResult>(d.socket, 'session:resume', {
      conversationId: d.conversation.id,
      lastSeq: 1,
    });
    expect(resumedD).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: 60, agentsOnline: true });
    expect(c.conversation.id).not.toBe(d.conversation.id);
  });
});
