/**
 * Admins manage the team over REST: create, edit, deactivate (signed out, no sign-in, chats back to
 * the queue), reactivate, reset passwords; and Parley keeps at least one active admin.
 */
import { describe, expect, it } from 'vitest';
import {
  AgentAdminResponseSchema,
  AgentListResponseSchema,
  ErrorBodySchema,
  type Conversation,
  type ConversationSummary,
  type SendResult,
} from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  clientId,
  connectAgent,
  connectVisitor,
  connected,
  login,
  nextEvent,
  signInAgent,
} from './support/clients.ts';
import { signedInRest, type Rest } from './support/rest.ts';

const t = useTestServer();

const adminRest = () => signedInRest(t.url, ADMIN.email, ADMIN.password);
const agentOf = (res: { body: unknown }) => AgentAdminResponseSchema.parse(res.body).agent;
const errorOf = (res: { body: unknown }) => ErrorBodySchema.parse(res.body).error;

async function createAgent(admin: Rest, name: string, role: 'agent' | 'admin' = 'agent') {
  const email = `${name.toLowerCase()}@example.com`;
  const res = await admin('POST', '/api/admin/agents', {
    name,
    email,
    role,
    capacity: 2,
    password: `${name}-password`,
  });
  expect(res.status).toBe(201);
  return { ...agentOf(res), password: `${name}-password` };
}

describe('agents admin', () => {
  it('creates, lists and edits agents; the new agent signs in with the password set', async () => {
    const admin = await adminRest();
    const ann = await createAgent(admin, 'Ann');
    expect(ann).toMatchObject({ name: 'Ann', email: 'ann@example.com', role: 'agent', capacity: 2, active: true });
    expect(Object.keys(ann).sort()).toEqual([
      'active',
      'capacity',
      'createdAt',
      'email',
      'id',
      'name',
      'password',
      'role',
    ]);
    await login(t.url, 'ann@example.com', ann.password);

    const edited = await admin('PATCH', `/api/admin/agents/${ann.id}`, {
      name: 'Ann Smith',
      capacity: 5,
      role: 'admin',
    });
    expect(agentOf(edited)).toMatchObject({ name: 'Ann Smith', capacity: 5, role: 'admin', email: 'ann@example.com' });
    const list = AgentListResponseSchema.parse((await admin('GET', '/api/admin/agents')).body).agents;
    expect(list.map((a) => [a.name, a.role, a.active])).toEqual([
      ['Admin', 'admin', true],
      ['Ann Smith', 'admin', true],
    ]);
  });

  it('refuses a taken email with conflict and bad input with invalid_payload naming the field', async () => {
    const admin = await adminRest();
    const ann = await createAgent(admin, 'Ann');
    const taken = await admin('POST', '/api/admin/agents', {
      name: 'X',
      email: 'ADMIN@example.com',
      role: 'agent',
      capacity: 1,
      password: 'long enough',
    });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).code).toBe('conflict');
    expect((await admin('PATCH', `/api/admin/agents/${ann.id}`, { email: ADMIN.email })).status).toBe(409);

    const bad = await admin('POST', '/api/admin/agents', {
      name: ' ',
      email: 'nope',
      role: 'boss',
      capacity: -1,
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(['capacity', 'email', 'name', 'password', 'role']);
    expect((await admin('PATCH', '/api/admin/agents/agt_missing', { name: 'x' })).status).toBe(404);
  });

  it('deactivating signs the agent out, stops their sign-in, and puts their chats back in the queue for others', async () => {
    const admin = await adminRest();
    const ann = await createAgent(admin, 'Ann');
    const annSocket = await signInAgent(t.url, ann.email, ann.password);
    await call(annSocket, 'agent:sync', {});
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(visitor);
    await call(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
    const assigned = nextEvent<ConversationSummary>(annSocket, 'conversation:assigned');
    const sent = await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: 'Help please' });
    expect((await assigned).id).toBe(sent.conversation.id);

    const kicked = new Promise<string>((resolve) => annSocket.once('disconnect', resolve));
    const requeued = nextEvent<Conversation>(visitor, 'conversation:updated', (c) => c.status === 'queued');
    const res = await admin('POST', `/api/admin/agents/${ann.id}/deactivate`);
    expect(agentOf(res)).toMatchObject({ id: ann.id, active: false });
    expect(await kicked).toBe('io server disconnect');
    expect((await requeued).agent).toBeNull();
    expect((await t.server.store.conversations.listQueued()).map((c) => c.id)).toEqual([sent.conversation.id]);
    await expect(login(t.url, ann.email, ann.password)).rejects.toThrow(/401/);

    // The next agent online takes the chat that came back.
    const bob = await t.createAgent({ name: 'Bob' });
    // Subscribed before the handshake: coming online drains the queue at once.
    const bobSocket = connectAgent(t.url, await login(t.url, bob.email, bob.password));
    const toBob = nextEvent<ConversationSummary>(bobSocket, 'conversation:assigned');
    expect((await toBob).id).toBe(sent.conversation.id);

    // Reactivated, Ann signs in again.
    expect(agentOf(await admin('POST', `/api/admin/agents/${ann.id}/reactivate`)).active).toBe(true);
    await login(t.url, ann.email, ann.password);
  });

  it('resetting a password ends the agent’s sessions; only the new password works', async () => {
    const admin = await adminRest();
    const ann = await createAgent(admin, 'Ann');
    const oldCookie = await login(t.url, ann.email, ann.password);
    const res = await admin('POST', `/api/admin/agents/${ann.id}/password`, { password: 'a brand new secret' });
    expect(res.status).toBe(200);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie: oldCookie } })).status).toBe(401);
    await expect(login(t.url, ann.email, ann.password)).rejects.toThrow(/401/);
    await login(t.url, ann.email, 'a brand new secret');
  });

  it('never leaves Parley without an active admin', async () => {
    const admin = await adminRest();
    const me = (await t.server.store.agents.findByEmail(ADMIN.email))?.id ?? '';
    for (const [method, path, body] of [
      ['PATCH', `/api/admin/agents/${me}`, { role: 'agent' }],
      ['POST', `/api/admin/agents/${me}/deactivate`, undefined],
    ] as const) {
      const res = await admin(method, path, body);
      expect(res.status).toBe(409);
      expect(errorOf(res)).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/at least one active admin/),
      });
    }
    expect(await t.server.store.agents.findById(me)).toMatchObject({ role: 'admin', active: true });

    // With a second admin, stepping down is fine; then the second one is the last and is kept.
    const ann = await createAgent(admin, 'Ann', 'admin');
    expect(agentOf(await admin('PATCH', `/api/admin/agents/${me}`, { role: 'agent' })).role).toBe('agent');
    const annRest = await signedInRest(t.url, ann.email, ann.password);
    expect((await annRest('POST', `/api/admin/agents/${ann.id}/deactivate`)).status).toBe(409);
    // The demoted admin has lost the admin pages.
    expect((await admin('GET', '/api/admin/agents')).status).toBe(403);
  });
});
