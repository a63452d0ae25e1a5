/**
 * Retention and privacy requests leave nothing behind: after a sweep (delete mode) or a visitor's
 * deletion, no table of the database mentions the visitor, their conversations, what was said or
 * their address. Anonymise mode keeps the report figures and nothing personal. Export gives the
 * visitor's data as JSON. Each scenario runs real chats on a server with a movable clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ReportResponseSchema, type SendResult } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import {
  call,
  clientId,
  connectVisitor,
  connected,
  disconnectAll,
  signInAgent,
  type AgentSocket,
} from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { tablesMentioning } from './support/table-dump.ts';

const DAY = 86_400_000;
let t: TestServer | undefined;
let clock = Date.parse('2026-01-10T10:00:00.000Z');

afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  clock = Date.parse('2026-01-10T10:00:00.000Z');
  t = await startTestServer({
    now: () => new Date(clock),
    env: { RETENTION_DAYS: '30', RETENTION_INTERVAL_MS: '0', ...env },
  });
  return t;
}

/** A whole chat with a page view, profile, agent reply, private note, rating and transcript request. */
async function fullChat(server: TestServer, agent: AgentSocket, label: string) {
  const email = `${label.toLowerCase()}.visitor@example.com`;
  const { socket, conversation } = await visitorWrites(server, `${label}-VISITOR-WORDS`);
  const sessionVisitorId = conversation.visitorId;
  await call(socket, 'page:view', { url: `https://shop.example/${label}`, title: `${label} page` });
  await call(socket, 'visitor:identify', { name: `${label} Person`, email });
  // the agent was online before the visitor wrote: the send's routing pass has already assigned it
  expect((await server.server.store.conversations.findById(conversation.id))?.status).toBe('active');
  await call<SendResult>(agent, 'message:send', {
    conversationId: conversation.id,
    clientMessageId: clientId(),
    body: `${label}-AGENT-WORDS`,
  });
  await call(agent, 'note:add', {
    conversationId: conversation.id,
    clientNoteId: clientId(),
    body: `${label}-NOTE-WORDS`,
  });
  await call(socket, 'conversation:close', { conversationId: conversation.id });
  await call(socket, 'conversation:rate', {
    conversationId: conversation.id,
    rating: 4,
    comment: `${label}-COMMENT-WORDS`,
  });
  await call(socket, 'transcript:request', { conversationId: conversation.id, email });
  socket.disconnect();
  return {
    visitorId: sessionVisitorId,
    conversationId: conversation.id,
    personal: [
      `${label}-VISITOR-WORDS`,
      `${label}-AGENT-WORDS`,
      `${label}-NOTE-WORDS`,
      `${label}-COMMENT-WORDS`,
      email,
      `${label} Person`,
      `https://shop.example/${label}`,
    ],
  };
}

/** An offline message that became an email ticket, with its confirmation mail in the outbox. */
async function offlineTicket(server: TestServer, label: string) {
  const email = `${label.toLowerCase()}.offline@example.com`;
  const socket = connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin });
  await connected(socket);
  const left = await call<SendResult>(socket, 'offline:message', {
    clientMessageId: clientId(),
    email,
    body: `${label}-OFFLINE-WORDS`,
  });
  socket.disconnect();
  return {
    visitorId: left.conversation.visitorId,
    conversationId: left.conversation.id,
    personal: [`${label}-OFFLINE-WORDS`, email],
  };
}

describe('retention', () => {
  it('deletes conversations ended more than RETENTION_DAYS ago, everywhere, and keeps the rest', async () => {
    const server = await start();
    const { socket: agent } = await agentOnline(server, 'Ann', 5);
    const old = await fullChat(server, agent, 'Old');
    const oldTicket = await offlineTicket(server, 'Oldmail');
    await server.server.mailTick();
    // the offline ticket counts as ended once solved: solve it through the store's ticket path
    await server.server.store.tickets.update(oldTicket.conversationId, {
      status: 'solved',
      solvedAt: new Date(clock).toISOString(),
    });

    clock += 31 * DAY;
    // a month on, Ann's session has expired (SESSION_TTL_MS) and her open socket with it: she signs in again
    agent.disconnect();
    const again = await signInAgent(server.url, 'ann@example.com', 'pw-Ann-secret');
    await call(again, 'agent:sync', {});
    const recent = await fullChat(server, again, 'Recent');
    const oldIds = [old.visitorId, old.conversationId, oldTicket.visitorId, oldTicket.conversationId];
    expect(
      Object.keys(tablesMentioning(server.dataDir, [...oldIds, ...old.personal, ...oldTicket.personal])).sort(),
    ).toEqual(
      expect.arrayContaining([
        'conversations',
        'mail_outbox',
        'messages',
        'notes',
        'page_views',
        'tickets',
        'transcript_requests',
        'visitors',
      ]),
    );

    expect(await server.server.retentionSweep()).toEqual({ conversations: 2, visitors: 2 });
    expect(tablesMentioning(server.dataDir, [...oldIds, ...old.personal, ...oldTicket.personal])).toEqual({});
    // the recent chat is all there
    expect(Object.keys(tablesMentioning(server.dataDir, recent.personal))).toEqual(
      expect.arrayContaining(['messages', 'notes', 'visitors', 'page_views', 'transcript_requests']),
    );
    expect(await server.server.retentionSweep()).toEqual({ conversations: 0, visitors: 0 });
  });

  it('anonymises instead when asked: report figures stay, nothing personal does', async () => {
    const server = await start({ RETENTION_MODE: 'anonymise' });
    const { socket: agent } = await agentOnline(server, 'Ann', 5);
    const old = await fullChat(server, agent, 'Old');
    clock += 31 * DAY;
    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const figures = async () =>
      ReportResponseSchema.parse(
        (await admin('GET', '/api/admin/reports?from=2026-01-10&to=2026-01-10&timeZone=UTC')).body,
      ).report.totals;
    const before = await figures();
    expect(before).toMatchObject({ conversations: 1, csat: { responses: 1, average: 4 } });

    expect(await server.server.retentionSweep()).toEqual({ conversations: 1, visitors: 1 });
    expect(tablesMentioning(server.dataDir, old.personal)).toEqual({});
    expect(await figures()).toEqual(before);
    expect(await server.server.retentionSweep()).toEqual({ conversations: 0, visitors: 0 });
  });

  it('keeps everything with RETENTION_DAYS=0', async () => {
    const server = await start({ RETENTION_DAYS: '0' });
    const { socket: agent } = await agentOnline(server, 'Ann', 5);
    const old = await fullChat(server, agent, 'Old');
    clock += 3650 * DAY;
    expect(await server.server.retentionSweep()).toEqual({ conversations: 0, visitors: 0 });
    expect(Object.keys(tablesMentioning(server.dataDir, old.personal)).length).toBeGreaterThan(0);
  });
});

describe('privacy requests', () => {
  it("exports one visitor's data and deletes all of it, for admins only", async () => {
    const server = await start({ RETENTION_DAYS: '0' });
    const { socket: agent } = await agentOnline(server, 'Ann', 5);
    const ada = await fullChat(server, agent, 'Ada');
    const other = await fullChat(server, agent, 'Other');

    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const exported = await admin('GET', `/api/admin/visitors/${ada.visitorId}/data`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      visitor: { id: ada.visitorId, name: 'Ada Person', email: 'ada.visitor@example.com' },
      pageViews: [{ url: 'https://shop.example/Ada' }],
      conversations: [
        {
          id: ada.conversationId,
          rating: 4,
          ratingComment: 'Ada-COMMENT-WORDS',
          messages: [{ body: 'Ada-VISITOR-WORDS' }, { body: 'Ada-AGENT-WORDS' }],
          transcriptRequests: [{ email: 'ada.visitor@example.com' }],
        },
      ],
    });
    expect(JSON.stringify(exported.body)).not.toContain('Ada-NOTE-WORDS');

    const agentUser = await server.createAgent({ name: 'Carl' });
    const asAgent = await signedInRest(server.url, agentUser.email, agentUser.password);
    expect((await asAgent('GET', `/api/admin/visitors/${ada.visitorId}/data`)).status).toBe(403);
    expect((await asAgent('DELETE', `/api/admin/visitors/${ada.visitorId}/data`)).status).toBe(403);

    expect((await admin('DELETE', `/api/admin/visitors/${ada.visitorId}/data`)).status).toBe(204);
    expect(tablesMentioning(server.dataDir, [ada.visitorId, ada.conversationId, ...ada.personal])).toEqual({});
    expect(Object.keys(tablesMentioning(server.dataDir, [other.visitorId, ...other.personal]))).toEqual(
      expect.arrayContaining(['visitors', 'messages', 'notes']),
    );
    expect((await admin('DELETE', `/api/admin/visitors/${ada.visitorId}/data`)).status).toBe(404);
    expect((await admin('GET', `/api/admin/visitors/${ada.visitorId}/data`)).status).toBe(404);
  });
});
