/**
 * The session against an in-memory server: what the contract asks of a reconnecting console.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHarness } from '../support/render-console.tsx';

const seqsHeld = (harness: ReturnType<typeof createHarness>, id: string) =>
  harness.session.store.data.value.mine.get(id)?.messages.map((message) => `${message.seq}:${message.body}`);

const running: Array<ReturnType<typeof createHarness>> = [];
afterEach(() => running.splice(0).forEach(({ session }) => session.dispose()));

async function started(setup: (harness: ReturnType<typeof createHarness>) => void = () => undefined) {
  const harness = createHarness();
  running.push(harness);
  setup(harness);
  await harness.session.start();
  await vi.waitFor(() => expect(harness.session.store.data.value.agentId).not.toBeNull());
  return harness;
}

describe('console session', () => {
  it('syncs on connect and loads every conversation of ours from the start', async () => {
    const harness = await started(({ channel }) => {
      channel.seed({ id: 'c1' }, [
        { author: 'visitor', body: 'hello' },
        { author: 'agent', body: 'hi!' },
      ]);
      channel.seed({ id: 'q1', status: 'queued' }, [{ author: 'visitor', body: 'anyone?' }]);
    });
    await vi.waitFor(() => expect(seqsHeld(harness, 'c1')).toEqual(['1:hello', '2:hi!']));
    expect(harness.channel.payloadsOf('conversation:history')).toEqual([{ conversationId: 'c1', afterSeq: 0 }]);
    expect(harness.session.store.data.value.queue.map((waiting) => waiting.lastMessage?.body)).toEqual(['anyone?']);
    expect(harness.session.store.auth.value).toMatchObject({ status: 'signed-in' });
  });

  it('after a reconnect, asks only for what came after the highest seq held, and shows it once', async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }, [{ author: 'visitor', body: 'one' }]));
    const { channel, session } = harness;
    await vi.waitFor(() => expect(seqsHeld(harness, 'c1')).toEqual(['1:one']));
    channel.visitorSays('c1', 'two');
    channel.drop();
    expect(session.store.connection.value).toBe('connecting');
    channel.visitorSays('c1', 'three (missed while offline)');
    channel.connect();
    await vi.waitFor(() =>
      expect(seqsHeld(harness, 'c1')).toEqual(['1:one', '2:two', '3:three (missed while offline)']),
    );
    expect(channel.payloadsOf('conversation:history').at(-1)).toEqual({
      conversationId: 'c1',
      afterSeq: 2,
      afterChangeSeq: 0,
    });
    expect(channel.payloadsOf('agent:sync')).toHaveLength(2);
  });

  it('keeps a message written offline pending and sends it on reconnect with its clientMessageId', async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }));
    const { channel, session } = harness;
    channel.drop();
    session.editDraft('c1', 'written offline');
    expect(session.send('c1')).toBeNull();
    const [pending] = session.store.outbox.value;
    expect(pending?.body).toBe('written offline');
    expect(channel.payloadsOf('message:send')).toEqual([]);

    channel.connect();
    await vi.waitFor(() => expect(session.store.outbox.value).toEqual([]));
    expect(channel.payloadsOf('message:send')).toEqual([
      { conversationId: 'c1', clientMessageId: pending?.clientMessageId, body: 'written offline' },
    ]);
    expect(seqsHeld(harness, 'c1')).toEqual(['1:written offline']);
  });

  it('resends a message whose ack was lost with the same clientMessageId, and it is stored and shown once', async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }));
    const { channel, session } = harness;
    channel.cutAfterNextStore = true;
    session.editDraft('c1', 'did it arrive?');
    session.send('c1');
    await vi.waitFor(() => expect(session.store.connection.value).toBe('connecting'));
    expect(channel.messagesOf('c1')).toHaveLength(1);
    expect(session.store.outbox.value).toHaveLength(1);

    channel.connect();
    await vi.waitFor(() => expect(session.store.outbox.value).toEqual([]));
    const sends = channel.payloadsOf('message:send');
    expect(sends).toHaveLength(2);
    expect(sends[0]).toEqual(sends[1]);
    expect(channel.messagesOf('c1')).toHaveLength(1);
    expect(seqsHeld(harness, 'c1')).toEqual(['1:did it arrive?']);
  });

  it('sends one message at a time per conversation, in the order written', async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }));
    for (const body of ['first', 'second', 'third']) {
      harness.session.editDraft('c1', body);
      harness.session.send('c1');
    }
    expect(harness.channel.payloadsOf('message:send')).toHaveLength(1);
    await vi.waitFor(() => expect(seqsHeld(harness, 'c1')).toEqual(['1:first', '2:second', '3:third']));
  });

  it('marks a message the server refuses as not sent, and does not retry it', async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }));
    const { channel, session } = harness;
    channel.drop();
    // the visitor leaves while the agent is offline: the console cannot know yet
    channel.visitorCloses('c1');
    session.editDraft('c1', 'still there?');
    expect(session.send('c1')).toBeNull();

    channel.connect();
    await vi.waitFor(() => expect(session.store.outbox.value[0]?.error).toBe('The conversation has ended.'));
    await vi.waitFor(() => expect(session.store.data.value.mine.get('c1')?.conversation.status).toBe('closed'));
    channel.drop();
    channel.connect();
    await vi.waitFor(() => expect(channel.payloadsOf('agent:sync')).toHaveLength(3));
    expect(channel.payloadsOf('message:send')).toHaveLength(1);
    expect(session.send('c1')).toBe('This conversation has ended.');
  });

  it('reports the newest visitor message seen only while the conversation is on screen and the tab visible', async () => {
    const harness = await started(({ channel }) =>
      channel.seed({ id: 'c1' }, [
        { author: 'visitor', body: 'a' },
        { author: 'agent', body: 'b' },
        { author: 'visitor', body: 'c' },
      ]),
    );
    const { channel, session, visibility } = harness;
    await vi.waitFor(() => expect(seqsHeld(harness, 'c1')).toHaveLength(3));
    expect(channel.payloadsOf('message:seen')).toEqual([]);

    session.select('c1');
    await vi.waitFor(() => expect(session.store.data.value.mine.get('c1')?.conversation.agentSeenSeq).toBe(3));
    expect(channel.payloadsOf('message:seen')).toEqual([{ conversationId: 'c1', seq: 3 }]);

    visibility.set(false);
    channel.visitorSays('c1', 'd');
    await vi.waitFor(() => expect(seqsHeld(harness, 'c1')).toHaveLength(4));
    expect(channel.payloadsOf('message:seen')).toHaveLength(1);
    visibility.set(true);
    await vi.waitFor(() => expect(channel.payloadsOf('message:seen').at(-1)).toEqual({ conversationId: 'c1', seq: 4 }));
  });

  it("emits the agent's typing and stops it on send", async () => {
    const harness = await started(({ channel }) => channel.seed({ id: 'c1' }));
    harness.session.editDraft('c1', 'typing a rep');
    harness.session.editDraft('c1', 'typing a reply');
    harness.session.send('c1');
    expect(harness.channel.typingEvents).toEqual([
      { event: 'typing:start', conversationId: 'c1' },
      { event: 'typing:stop', conversationId: 'c1' },
    ]);
  });

  it('loads a newly assigned conversation and goes back to sign-in when the session is rejected', async () => {
    const harness = await started(({ channel }) =>
      channel.seed({ id: 'q1', status: 'queued' }, [{ author: 'visitor', body: 'hi' }]),
    );
    const { channel, session } = harness;
    channel.assign('q1');
    await vi.waitFor(() => expect(seqsHeld(harness, 'q1')).toEqual(['1:hi']));
    expect(session.store.data.value.queue).toEqual([]);

    channel.rejectSession();
    expect(session.store.auth.value).toEqual({
      status: 'signed-out',
      error: 'Your session has ended. Please sign in again.',
    });
    expect(session.store.data.value.mine.size).toBe(0);
  });
});
