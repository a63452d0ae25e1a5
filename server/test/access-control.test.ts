/**
 * Who may connect and what they may touch: site key and page origin at the visitor handshake, the
 * session cookie and origin at the agent handshake, and no reading or writing of others' conversations.
 */
import { describe, expect, it } from 'vitest';
import type { SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectAgent,
  connectVisitor,
  connected,
  login,
  rejected,
  signInAgent,
} from './support/clients.ts';

const t = useTestServer();

describe('visitor handshake', () => {
  it('rejects an unknown site key', async () => {
    expect(await rejected(connectVisitor(t.url, { siteKey: 'pk_nope', origin: t.origin }))).toMatchObject({
      code: 'unknown_site',
    });
  });

  it('rejects a page origin the site does not allow, and a missing origin', async () => {
    const evil = await rejected(connectVisitor(t.url, { siteKey: t.siteKey, origin: 'https://evil.example' }));
    expect(evil.code).toBe('origin_not_allowed');
    expect(await rejected(connectVisitor(t.url, { siteKey: t.siteKey }))).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('rejects a malformed handshake with invalid_payload', async () => {
    const socket = connectVisitor(t.url, { siteKey: '', origin: t.origin });
    expect(await rejected(socket)).toMatchObject({ code: 'invalid_payload' });
  });

  it('gives a forged or foreign token a fresh identity instead of someone else’s', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    const real = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const [visitorId] = real.token.split('.');
    const forged = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: `${visitorId}.AAAA` });
    await connected(forged);
    const other = await call<SessionResumeResult>(forged, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(other.visitorId).not.toBe(real.visitorId);
  });
});

describe('conversation access', () => {
  it('never lets a visitor read or write another visitor’s conversation', async () => {
    const alice = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(alice);
    await call(alice, 'session:resume', { conversationId: null, lastSeq: 0 });
    const sent = await call<SendResult>(alice, 'message:send', { clientMessageId: clientId(), body: 'private' });
    const conversationId = sent.conversation.id;

    const mallory = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(mallory);
    // Asking to resume Alice's conversation yields Mallory's own (none), not Alice's messages.
    const resumed = await call<SessionResumeResult>(mallory, 'session:resume', { conversationId, lastSeq: 0 });
    expect(resumed.conversation).toBeNull();
    expect(resumed.messages).toEqual([]);
    for (const [event, payload] of [
      ['conversation:close', { conversationId }],
      ['message:seen', { conversationId, seq: 1 }],
    ] as const) {
      const res = await callRaw(mallory, event, payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // Mallory's send goes to a conversation of her own.
    const own = await call<SendResult>(mallory, 'message:send', { clientMessageId: clientId(), body: 'hi' });
    expect(own.conversation.id).not.toBe(conversationId);
    const stillAlice = await call<SessionResumeResult>(alice, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(stillAlice.messages.map((m) => m.body)).toEqual(['private']);
    expect(stillAlice.conversation?.status).toBe('queued');
  });

  it('refuses an agent writing to or closing a conversation assigned to someone else', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    await call(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const { conversation } = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'hello' });
    const owner = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(owner, 'agent:sync', {});
    const other = await t.createAgent({ name: 'Other' });
    const intruder = await signInAgent(t.url, other.email, other.password);
    const send = await callRaw(intruder, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: clientId(),
      body: 'x',
    });
    expect(send).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const close = await callRaw(intruder, 'conversation:close', { conversationId: conversation.id });
    expect(close).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const history = await callRaw(intruder, 'conversation:history', { conversationId: conversation.id, afterSeq: 0 });
    expect(history).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses to send into a closed conversation', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    await call(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const { conversation } = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'hello' });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    await call(agent, 'conversation:close', { conversationId: conversation.id });
    const res = await callRaw(agent, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: clientId(),
      body: 'late',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
  });
});

describe('agent handshake', () => {
  it('requires a valid session cookie', async () => {
    expect(await rejected(connectAgent(t.url, undefined))).toMatchObject({ code: 'unauthorized' });
    expect(await rejected(connectAgent(t.url, 'parley_session=forged'))).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a browser page from a foreign origin even with a valid cookie', async () => {
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    expect(await rejected(connectAgent(t.url, cookie, 'https://evil.example'))).toMatchObject({ code: 'forbidden' });
    const ok = connectAgent(t.url, cookie, t.origin);
    await connected(ok);
  });

  it('stops accepting the cookie after sign-out', async () => {
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(await rejected(connectAgent(t.url, cookie))).toMatchObject({ code: 'unauthorized' });
  });
});
