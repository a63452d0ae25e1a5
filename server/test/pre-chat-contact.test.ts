/**
 * The pre-chat form's answers ride on message:send as `contact`: stored on the visitor's profile
 * before the message, so the agent is offered a named conversation, and without touching a
 * verified identity, so sites that require identity verification still take them.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, SendResult, SessionResumeResult, VisitorIdentifyResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  nextEvent,
  signInAgent,
  type VisitorSocket,
} from './support/clients.ts';
import { userHashFor } from '../src/domain/identity-hash.ts';

const t = useTestServer();

async function visitor(): Promise<{ socket: VisitorSocket; session: SessionResumeResult }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('message:send with the pre-chat contact', () => {
  it('names the conversation the agent is offered, from its first message', async () => {
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const { socket, session } = await visitor();
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const payload = {
      clientMessageId: clientId(),
      body: 'Where is my order?',
      contact: { name: ' Ada ', email: 'Ada@Example.com' },
    };
    const sent = await call<SendResult>(socket, 'message:send', payload);
    expect(sent.conversation).toMatchObject({
      visitorName: 'Ada',
      visitorEmail: 'ada@example.com',
      visitorVerified: false,
    });
    expect(await assigned).toMatchObject({ id: sent.conversation.id, visitorName: 'Ada' });
    // a retry of the same message is stored once
    const retried = await call<SendResult>(socket, 'message:send', payload);
    expect(retried.message.id).toBe(sent.message.id);
    expect(await t.server.store.messages.listAfter(sent.conversation.id, 0, 10)).toHaveLength(1);
    expect(await t.server.store.visitors.findById(session.visitorId)).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
    });
  });

  it('keeps fields the form did not ask for, and a verified identity', async () => {
    const site = await t.server.store.sites.findByKey(t.siteKey);
    if (!site) throw new Error('no demo site');
    await t.server.store.sites.updateSettings(site.id, { identityVerificationRequired: true });
    const { socket, session } = await visitor();
    const identified = await call<VisitorIdentifyResult>(socket, 'visitor:identify', {
      userId: 'u_7',
      email: 'grace@example.com',
      userHash: userHashFor(site.identitySecret, 'u_7'),
    });
    expect(identified).toEqual({ verified: true });
    const sent = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Hello',
      contact: { name: 'Grace' },
    });
    expect(sent.conversation).toMatchObject({
      visitorName: 'Grace',
      visitorEmail: 'grace@example.com',
      visitorVerified: true,
    });
    expect(await t.server.store.visitors.findById(session.visitorId)).toMatchObject({
      externalUserId: 'u_7',
      verified: true,
    });
  });

  it('refuses a malformed contact before anything is stored', async () => {
    const { socket, session } = await visitor();
    for (const contact of [{ email: 'not-an-email' }, { name: '   ' }, { name: 'x'.repeat(121) }]) {
      const res = await callRaw(socket, 'message:send', { clientMessageId: clientId(), body: 'Hello', contact });
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await t.server.store.visitors.findById(session.visitorId)).toBeUndefined();
  });
});
