/**
 * Routing over real sockets: capacity is never exceeded, the queue drains oldest first when capacity
 * frees up, queued visitors hear their position, and work goes to the least busy, longest idle agent.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationSummary, QueuePosition, SendResult, SessionResumeResult } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import {
  call,
  clientId,
  connectVisitor,
  connected,
  nextEvent,
  signInAgent,
  type VisitorSocket,
} from './support/clients.ts';

const t = useTestServer();

async function visitorWrites(body: string): Promise<{ socket: VisitorSocket; conversation: Conversation }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  const sent = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body });
  return { socket, conversation: sent.conversation };
}

describe('routing', () => {
  it('never exceeds capacity, tells queued visitors their place, and drains oldest first', async () => {
    const solo = await t.createAgent({ name: 'Solo', capacity: 1 });
    const agent = await signInAgent(t.url, solo.email, solo.password);
    await call(agent, 'agent:sync', {});

    const firstAssigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    const a = await visitorWrites('first');
    expect((await firstAssigned).id).toBe(a.conversation.id);

    const b = await visitorWrites('second');
    const c = await visitorWrites('third');
    expect(b.conversation.status).toBe('queued');
    const resumedC = await call<SessionResumeResult>(c.socket, 'session:resume', {
      conversationId: c.conversation.id,
      lastSeq: 1,
    });
    expect(resumedC.queuePosition).toBe(2);

    const sync = await call<{ conversations: ConversationSummary[]; queue: ConversationSummary[] }>(
      agent,
      'agent:sync',
      {},
    );
    expect(sync.conversations.map((x) => x.id)).toEqual([a.conversation.id]);
    expect(sync.queue.map((x) => x.id)).toEqual([b.conversation.id, c.conversation.id]);

    // Closing A frees the one seat: B (oldest) gets it, and C moves up to first place.
    const bAssigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    const cMovedUp = nextEvent<QueuePosition>(c.socket, 'queue:position', (p) => p.position === 1);
    await call(agent, 'conversation:close', { conversationId: a.conversation.id });
    expect((await bAssigned).id).toBe(b.conversation.id);
    await cMovedUp;
    const after = await call<{ conversations: ConversationSummary[]; queue: ConversationSummary[] }>(
      agent,
      'agent:sync',
      {},
    );
    expect(after.conversations.map((x) => x.id)).toEqual([b.conversation.id]);
    expect(after.queue.map((x) => x.id)).toEqual([c.conversation.id]);
  });

  it('gives each new conversation to the agent with the fewest chats, then the one idle longest', async () => {
    const ann = await t.createAgent({ name: 'Ann', capacity: 2 });
    const bob = await t.createAgent({ name: 'Bob', capacity: 2 });
    const annSocket = await signInAgent(t.url, ann.email, ann.password);
    const bobSocket = await signInAgent(t.url, bob.email, bob.password);
    await call(annSocket, 'agent:sync', {});
    await call(bobSocket, 'agent:sync', {});

    const owners: string[] = [];
    for (const body of ['one', 'two', 'three', 'four']) {
      const assigned = Promise.race([
        nextEvent<ConversationSummary>(annSocket, 'conversation:assigned'),
        nextEvent<ConversationSummary>(bobSocket, 'conversation:assigned'),
      ]);
      await visitorWrites(body);
      owners.push((await assigned).agent?.name ?? '');
    }
    // Alternating: after each assignment the other agent has fewer chats or has been idle longer.
    expect(owners.filter((o) => o === 'Ann')).toHaveLength(2);
    expect(owners.filter((o) => o === 'Bob')).toHaveLength(2);
    expect(owners[0]).not.toBe(owners[1]);

    // Both full now: the fifth visitor waits.
    const fifth = await visitorWrites('five');
    expect(fifth.conversation.status).toBe('queued');
  });

  it('assigns what waited while nobody was online as soon as an agent signs in', async () => {
    const waiting = await visitorWrites('hello?');
    expect(waiting.conversation.status).toBe('queued');
    const activated = nextEvent<Conversation>(waiting.socket, 'conversation:updated', (x) => x.status === 'active');
    const late = await t.createAgent({ name: 'Late', capacity: 1 });
    await signInAgent(t.url, late.email, late.password);
    expect((await activated).agent?.name).toBe('Late');
  });

  it('announces a burst of arrivals in fewer queue updates than arrivals, the last one complete', async () => {
    const away = await t.createAgent({ name: 'Away', capacity: 5 });
    const agent = await signInAgent(t.url, away.email, away.password);
    await call(agent, 'agent:status', { status: 'away' });
    await call(agent, 'agent:sync', {});
    const arrivals = 30;
    const visitors = await Promise.all(
      Array.from({ length: arrivals }, async () => {
        const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
        await connected(socket);
        await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
        const told: QueuePosition[] = [];
        socket.on('queue:position', (position: QueuePosition) => told.push(position));
        return { socket, told };
      }),
    );
    const updates: Array<{ queue: ConversationSummary[] }> = [];
    agent.on('queue:updated', (update: { queue: ConversationSummary[] }) => updates.push(update));
    const complete = nextEvent<{ queue: ConversationSummary[] }>(
      agent,
      'queue:updated',
      (u) => u.queue.length === arrivals,
    );

    const sent = await Promise.all(
      visitors.map(({ socket }, i) =>
        call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body: `visitor ${i}` }),
      ),
    );
    // the whole queue, oldest first, is what agents end up with
    const { queue } = await complete;
    const ids = sent.map((s) => s.conversation.id);
    expect(new Set(queue.map((c) => c.id))).toEqual(new Set(ids));
    expect(queue.map((c) => c.createdAt)).toEqual(queue.map((c) => c.createdAt).sort());
    // ...told in far fewer messages than one per arrival (each carried the whole queue: O(n²))
    expect(updates.length).toBeLessThan(arrivals);
    // every visitor's last word is their place in that queue
    await Promise.all(
      visitors.map(({ socket, told }, i) => {
        const place = queue.findIndex((c) => c.id === ids[i]) + 1;
        if (told.at(-1)?.position === place) return Promise.resolve();
        return nextEvent<QueuePosition>(socket, 'queue:position', (p) => p.position === place);
      }),
    );
    for (const { told } of visitors) expect(told.length).toBeGreaterThan(0);
  });
});
