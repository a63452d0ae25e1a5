/**
 * visitor:identify over real sockets: a valid userHash verifies the visitor, a wrong one is refused,
 * a site that requires verification refuses identify without proof, and agents see the name.
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

async function demoSite() {
  const site = await t.server.store.sites.findByKey(t.siteKey);
  if (!site) throw new Error('no demo site');
  return site;
}

async function visitor(): Promise<{ socket: VisitorSocket; session: SessionResumeResult }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('visitor:identify', () => {
  it('verifies a visitor whose userHash is the HMAC of their id, and stores the profile', async () => {
    const site = await demoSite();
    expect(site.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    const { socket, session } = await visitor();
    const result = await call<VisitorIdentifyResult>(socket, 'visitor:identify', {
      userId: 'u_42',
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      attributes: { plan: 'pro', seats: 3 },
      userHash: userHashFor(site.identitySecret, 'u_42'),
    });
    expect(result).toEqual({ verified: true });
    expect(await t.server.store.visitors.findById(session.visitorId)).toMatchObject({
      externalUserId: 'u_42',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      attributes: { plan: 'pro', seats: 3 },
      verified: true,
    });
  });

  it('refuses a wrong userHash and stores nothing', async () => {
    const site = await demoSite();
    const { socket, session } = await visitor();
    const res = await callRaw(socket, 'visitor:identify', {
      userId: 'u_42',
      name: 'Mallory',
      userHash: userHashFor(site.identitySecret, 'u_43'),
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.server.store.visitors.findById(session.visitorId)).toBeUndefined();
  });

  it('accepts an unverified identify only where the site does not require proof', async () => {
    const { socket, session } = await visitor();
    expect(await call(socket, 'visitor:identify', { userId: 'u_1', name: 'Guest', email: 'g@example.com' })).toEqual({
      verified: false,
    });
    // An unproven user id is not kept.
    expect(await t.server.store.visitors.findById(session.visitorId)).toMatchObject({
      name: 'Guest',
      externalUserId: null,
      verified: false,
    });

    const site = await demoSite();
    await t.server.store.sites.updateSettings(site.id, { identityVerificationRequired: true });
    const strict = await visitor();
    for (const payload of [
      { name: 'Eve', email: 'eve@example.com' },
      { userId: 'u_9', name: 'Eve' },
    ]) {
      const res = await callRaw(strict.socket, 'visitor:identify', payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await t.server.store.visitors.findById(strict.session.visitorId)).toBeUndefined();
    expect(
      await call(strict.socket, 'visitor:identify', {
        userId: 'u_9',
        name: 'Eve',
        userHash: userHashFor(site.identitySecret, 'u_9'),
      }),
    ).toEqual({ verified: true });
  });

  it('shows the identified name to the agent holding the chat', async () => {
    const site = await demoSite();
    const { socket } = await visitor();
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hello',
    });
    await assigned;
    const renamed = nextEvent<Conversation>(agent, 'conversation:updated', (c) => c.visitorName === 'Ada');
    await call(socket, 'visitor:identify', {
      userId: 'u_42',
      name: 'Ada',
      email: 'ada@example.com',
      userHash: userHashFor(site.identitySecret, 'u_42'),
    });
    expect(await renamed).toMatchObject({
      id: conversation.id,
      visitorEmail: 'ada@example.com',
      visitorVerified: true,
    });
    const history = await call<{ conversation: Conversation }>(agent, 'conversation:history', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.conversation.visitorName).toBe('Ada');
  });
});
