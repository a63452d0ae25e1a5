/**
 * The outbox and the mail composed later: an SMTP outage delays mail and loses none (delivered
 * exactly once, after a backoff), a visitor who left a chat gets the agent replies they did not
 * see in one mail after the delay, and a transcript asked for during a chat is mailed once it ends.
 * The server's clock is moved by the test and the worker is ticked by it: nothing sleeps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, SendResult } from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, nextEvent, signInAgent } from './support/clients.ts';
import { leaveOffline, sentTo, startEmailWorld, type EmailWorld } from './support/email.ts';
import { DEFAULT_RETRY, retryDelayMs } from '../src/mail/outbox-sender.ts';

let world: EmailWorld;
beforeEach(async () => {
  world = await startEmailWorld();
});
afterEach(async () => {
  disconnectAll();
  await world.close();
});

/** A visitor with an email in a live chat with the admin. */
async function liveChat() {
  const { t } = world;
  const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
  await call(agent, 'agent:sync', {});
  const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(visitor);
  await call(visitor, 'visitor:identify', { name: 'Ada', email: 'ada@example.com' });
  const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
  const { conversation } = await call<SendResult>(visitor, 'message:send', {
    clientMessageId: clientId(),
    body: 'Hi, quick question',
  });
  await assigned;
  const say = (body: string) =>
    call<SendResult>(agent, 'message:send', { conversationId: conversation.id, clientMessageId: clientId(), body });
  return { agent, visitor, conversation, say };
}

describe('the mail outbox', () => {
  it('keeps mail through an SMTP outage and delivers each exactly once after the backoff', async () => {
    const { t, sink } = world;
    sink.down = true;
    const { result } = await leaveOffline(t, { body: 'Sent while the mail server is down' });
    expect(await t.server.mailTick()).toMatchObject({ sent: 0, retrying: 2, failed: 0 });
    expect(sink.refused).toBeGreaterThanOrEqual(2);
    const waiting = await t.server.store.outbox.list({ conversationId: result.conversation.id });
    expect(waiting.map((m) => [m.status, m.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect(waiting[0]?.lastError).toMatch(/421|not available/i);

    // Before the pause is over nothing is tried, even with the server back.
    sink.down = false;
    world.advance(retryDelayMs(1, DEFAULT_RETRY) - 1);
    expect(await t.server.mailTick()).toMatchObject({ sent: 0, retrying: 0 });
    sink.down = true;
    world.advance(1);
    expect(await t.server.mailTick()).toMatchObject({ sent: 0, retrying: 2 });
    // The second failure waits twice as long.
    sink.down = false;
    world.advance(retryDelayMs(2, DEFAULT_RETRY));
    expect(retryDelayMs(2, DEFAULT_RETRY)).toBe(2 * retryDelayMs(1, DEFAULT_RETRY));
    expect(await t.server.mailTick()).toMatchObject({ sent: 2, retrying: 0 });
    await sink.next(sentTo('ada@example.com'));
    await sink.next(sentTo(ADMIN.email));

    world.advance(24 * 60 * 60_000);
    expect(await t.server.mailTick()).toMatchObject({ sent: 0 });
    expect(sink.mails).toHaveLength(2);
    expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(2);
    const sent = await t.server.store.outbox.list({ conversationId: result.conversation.id });
    expect(sent.map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
    ]);
  });

  it('mails a visitor who left the chat the replies they did not see, together, after the delay', async () => {
    const { t, sink } = world;
    const { visitor, conversation, say } = await liveChat();
    const seenByVisitor = await say('Sure, ask away.');
    await call(visitor, 'message:seen', { conversationId: conversation.id, seq: seenByVisitor.message.seq });
    visitor.disconnect();
    await say('It is in stock.');
    world.advance(30_000);
    await say('And it ships today.');

    // The batch is due 60 s after its first reply, not its last.
    world.advance(29_000);
    expect(await t.server.mailTick()).toMatchObject({ composed: 0, sent: 0 });
    world.advance(1_000);
    expect(await t.server.mailTick()).toMatchObject({ composed: 1, sent: 1 });
    const digest = await sink.next(sentTo('ada@example.com'));
    expect(digest.subject).toBe('New messages from Demo');
    expect(digest.text).toContain('It is in stock.');
    expect(digest.text).toContain('And it ships today.');
    expect(digest.text).not.toContain('Sure, ask away.');

    world.advance(10 * 60_000);
    expect(await t.server.mailTick()).toMatchObject({ composed: 0, sent: 0 });
    // A later unseen reply starts a new batch with only what is new.
    await say('PS: free shipping.');
    world.advance(60_000);
    expect(await t.server.mailTick()).toMatchObject({ composed: 1, sent: 1 });
    const second = await sink.next(sentTo('ada@example.com'));
    expect(second.text).toContain('PS: free shipping.');
    expect(second.text).not.toContain('It is in stock.');
  });

  it('mails nothing when the visitor saw every reply', async () => {
    const { t, sink } = world;
    const { visitor, conversation, say } = await liveChat();
    const reply = await say('All sorted?');
    await call(visitor, 'message:seen', { conversationId: conversation.id, seq: reply.message.seq });
    world.advance(120_000);
    expect(await t.server.mailTick()).toMatchObject({ composed: 0, sent: 0 });
    expect(sink.mails).toEqual([]);
  });

  it('mails a transcript asked for during the chat once the chat has ended', async () => {
    const { t, sink } = world;
    const { agent, visitor, conversation, say } = await liveChat();
    const reply = await say('Here is the answer.');
    await call(visitor, 'message:seen', { conversationId: conversation.id, seq: reply.message.seq });
    await call(visitor, 'transcript:request', { conversationId: conversation.id, email: 'records@example.com' });
    expect(await t.server.mailTick()).toMatchObject({ composed: 0, sent: 0 });
    await call(agent, 'conversation:close', { conversationId: conversation.id });
    expect(await t.server.mailTick()).toMatchObject({ composed: 1, sent: 1 });
    const transcript = await sink.next(sentTo('records@example.com'));
    expect(transcript.subject).toBe('Transcript of your conversation with Demo');
    expect(transcript.text).toContain('Hi, quick question');
    expect(transcript.text).toContain('Here is the answer.');
    expect(await t.server.mailTick()).toMatchObject({ composed: 0, sent: 0 });
  });
});
