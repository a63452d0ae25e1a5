/**
 * An agent's rights follow the team page at once, also on a console socket opened before the
 * change: a demoted admin loses admin reach on the next event, and a deactivated agent or one
 * whose password was reset can do nothing more, even before their socket is closed.
 */
import { describe, expect, it } from 'vitest';
import { AgentAdminResponseSchema, type ConversationSummary, type SendResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectAgent,
  connectVisitor,
  connected,
  login,
  nextEvent,
  signInAgent,
} from './support/clients.ts';
import { signedInRest } from './support/rest.ts';

const t = useTestServer();

/** A second admin (who will demote the first) and a chat assigned to them, which the first admin may read only as an admin. */
async function twoAdminsAndAChat() {
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const created = await admin('POST', '/api/admin/agents', {
    name: 'Bea',
    email: 'bea@example.com',
    role: 'admin',
    capacity: 2,
    password: 'bea-password-1',
  });
  expect(AgentAdminResponseSchema.parse(created.body).agent.role).toBe('admin');
  const beaSocket = await signInAgent(t.url, 'bea@example.com', 'bea-password-1');
  await call(beaSocket, 'agent:sync', {});
  const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(visitor);
  const assigned = nextEvent<ConversationSummary>(beaSocket, 'conversation:assigned');
  const { conversation } = await call<SendResult>(visitor, 'message:send', {
    clientMessageId: clientId(),
    body: 'Hello',
  });
  await assigned;
  // the first admin connects only now, so the chat went to Bea
  const adminCookie = await login(t.url, ADMIN.email, ADMIN.password);
  const adminSocket = connectAgent(t.url, adminCookie);
  await connected(adminSocket);
  const beaRest = await signedInRest(t.url, 'bea@example.com', 'bea-password-1');
  const adminId = (await t.server.store.agents.findByEmail(ADMIN.email))?.id ?? '';
  return { adminSocket, adminId, beaRest, conversationId: conversation.id };
}

describe('an open console socket follows the team page', () => {
  it('a demoted admin can no longer read any visitor or convert their chat to a ticket', async () => {
    const { adminSocket, adminId, beaRest, conversationId } = await twoAdminsAndAChat();
    // as an admin, the panel of someone else's chat is readable
    expect(await callRaw(adminSocket, 'visitor:details', { conversationId })).toMatchObject({ ok: true });

    const demoted = await beaRest('PATCH', `/api/admin/agents/${adminId}`, { role: 'agent' });
    expect(demoted.status).toBe(200);

    expect(await callRaw(adminSocket, 'visitor:details', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await callRaw(adminSocket, 'ticket:convert', { conversationId, email: 'attacker@evil.example' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.server.store.tickets.findByConversation(conversationId)).toBeUndefined();
    const sync = await call<{ agent: { role: string } }>(adminSocket, 'agent:sync', {});
    expect(sync.agent.role).toBe('agent');
  });

  it('a socket whose agent was deactivated elsewhere is refused on its next event and closed', async () => {
    const { adminSocket, adminId, conversationId } = await twoAdminsAndAChat();
    // as another process would leave it before its broadcast arrives: stored, but nobody told this socket
    await t.server.store.agents.update(adminId, { active: false });
    const closed = nextEvent<string>(adminSocket, 'disconnect');
    expect(await callRaw(adminSocket, 'visitor:details', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await closed).toBe('io server disconnect');
  });

  it('a socket whose session ended elsewhere (password reset, sign-out) is refused on its next event', async () => {
    const { adminSocket, adminId } = await twoAdminsAndAChat();
    await t.server.store.sessions.deleteForAgent(adminId);
    expect(await callRaw(adminSocket, 'agent:sync', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
