/**
 * Parley is no open mail relay: what visitors make it mail to addresses they typed carries none of
 * their words (ticket confirmations), is limited per address, per visitor and per site within an
 * hour, and a conversation's transcript goes to one address. Messages themselves are never lost to
 * a limit: the ticket opens, only its confirmation is skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import { call, callRaw, clientId, connectVisitor, connected, disconnectAll, signInAgent } from './support/clients.ts';
import { leaveOffline, startEmailWorld, type EmailWorld } from './support/email.ts';

let world: EmailWorld | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.close();
  world = undefined;
});

const SPAM = 'CHEAP-PILLS-4471 visit spam.example now';

async function confirmationsTo(w: EmailWorld, address?: string) {
  const mails = await w.t.server.store.outbox.list({});
  return mails.filter((m) => m.kind === 'ticket_confirmation' && (address === undefined || m.to === address));
}

/** A visitor with a chat an agent has answered, so its transcript is worth asking for. */
async function chatWithTranscript(w: EmailWorld) {
  const visitor = connectVisitor(w.t.url, { siteKey: w.t.siteKey, origin: w.t.origin });
  await connected(visitor);
  await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
  const { conversation } = await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: SPAM });
  return { visitor, conversationId: conversation.id };
}

describe('ticket confirmations to a visitor-given address', () => {
  it('say the message arrived without repeating any of it', async () => {
    world = await startEmailWorld();
    await leaveOffline(world.t, { body: SPAM, email: 'stranger@example.com', name: 'Buy now at spam.example' });
    const [confirmation] = await confirmationsTo(world, 'stranger@example.com');
    expect(confirmation?.text).toContain('We have received your message to Demo');
    expect(confirmation?.text).not.toContain('CHEAP-PILLS');
    expect(confirmation?.html).not.toContain('CHEAP-PILLS');
    expect(confirmation?.text).not.toContain('spam.example');
    expect(confirmation?.subject).not.toContain('spam');
  });

  it('are limited per recipient address: a flood of token-less visitors reaches the victim three times', async () => {
    world = await startEmailWorld();
    for (let i = 0; i < 6; i += 1) await leaveOffline(world.t, { body: `${SPAM} ${i}`, email: 'victim@example.com' });
    expect(await confirmationsTo(world, 'victim@example.com')).toHaveLength(3);
    // every message is kept and became a ticket: only the confirmations stopped
    expect(await world.t.server.store.tickets.list({ limit: 50, offset: 0 })).toHaveLength(6);
  });

  it('are limited per visitor', async () => {
    world = await startEmailWorld();
    const visitor = connectVisitor(world.t.url, { siteKey: world.t.siteKey, origin: world.t.origin });
    await connected(visitor);
    for (let i = 0; i < 5; i += 1) {
      await call(visitor, 'offline:message', { clientMessageId: clientId(), email: `v${i}@example.com`, body: SPAM });
    }
    expect(await confirmationsTo(world)).toHaveLength(3);
  });

  it('are limited per site and hour, then flow again an hour later', async () => {
    world = await startEmailWorld({ VISITOR_MAIL_PER_SITE_PER_HOUR: '4' });
    for (let i = 0; i < 6; i += 1) await leaveOffline(world.t, { body: SPAM, email: `r${i}@example.com` });
    expect(await confirmationsTo(world)).toHaveLength(4);
    world.advance(61 * 60_000);
    await leaveOffline(world.t, { body: SPAM, email: 'later@example.com' });
    expect(await confirmationsTo(world, 'later@example.com')).toHaveLength(1);
  });

  it('still carry the conversation when an agent opened the ticket', async () => {
    world = await startEmailWorld();
    const agent = await signInAgent(world.t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const { conversationId } = await chatWithTranscript(world);
    await call(agent, 'ticket:convert', { conversationId, email: 'customer@example.com' });
    const [confirmation] = await confirmationsTo(world, 'customer@example.com');
    expect(confirmation?.text).toContain('CHEAP-PILLS-4471');
  });
});

describe('transcripts', () => {
  it('go to one address per conversation: asking again re-addresses the one pending transcript', async () => {
    world = await startEmailWorld();
    const { visitor, conversationId } = await chatWithTranscript(world);
    for (let i = 0; i < 20; i += 1) {
      await call(visitor, 'transcript:request', { conversationId, email: `t${i}@example.com` });
    }
    await call(visitor, 'conversation:close', { conversationId });
    await world.t.server.mailTick();
    const transcripts = (await world.t.server.store.outbox.list({})).filter((m) => m.kind === 'transcript');
    expect(transcripts.map((m) => m.to)).toEqual(['t19@example.com']);

    // sent: the same address is fine (nothing more is mailed), another one is refused
    await call(visitor, 'transcript:request', { conversationId, email: 'T19@example.com' });
    expect(await callRaw(visitor, 'transcript:request', { conversationId, email: 'other@example.com' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await world.t.server.mailTick();
    expect((await world.t.server.store.outbox.list({})).filter((m) => m.kind === 'transcript')).toHaveLength(1);
  });

  it('to one address are limited like confirmations: the fourth visitor asking for the victim is refused', async () => {
    world = await startEmailWorld();
    const answers = [];
    for (let i = 0; i < 4; i += 1) {
      const { visitor, conversationId } = await chatWithTranscript(world);
      answers.push(await callRaw(visitor, 'transcript:request', { conversationId, email: 'victim@example.com' }));
      await call(visitor, 'conversation:close', { conversationId });
    }
    expect(answers.slice(0, 3)).toEqual([
      { ok: true, data: {} },
      { ok: true, data: {} },
      { ok: true, data: {} },
    ]);
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
