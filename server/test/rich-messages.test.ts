/**
 * Rich messages over real sockets, on SQLite and on PostgreSQL: an agent sends quick replies and a
 * form, the visitor answers, the server checks each answer against the offer it stored, stores it
 * once, refuses a second or a wrong one with a clear code, and a resume carries content and answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message, OfferContent, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  disconnectAll,
  nextEvent,
  signInAgent,
  type AgentSocket,
  type VisitorSocket,
} from './support/clients.ts';
import { visitorWrites } from './support/workflow.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { visitorMessage } from '../src/realtime/visitor-wire.ts';

const QUICK_REPLIES: OfferContent = {
  type: 'quick_replies',
  options: [
    { id: 'billing', label: 'Billing' },
    { id: 'tech', label: 'Technical problem' },
  ],
};
const FORM: OfferContent = {
  type: 'form',
  title: 'Your order',
  fields: [
    { id: 'email', label: 'Email', kind: 'email', required: true },
    { id: 'order', label: 'Order number', kind: 'text', required: false, maxLength: 20 },
  ],
};

interface Chat {
  visitor: VisitorSocket;
  agent: AgentSocket;
  conversation: Conversation;
  token: string;
}

async function chat(t: TestServer): Promise<Chat> {
  const { socket: visitor, conversation, token } = await visitorWrites(t, 'Hello');
  const taken = nextEvent<Conversation>(visitor, 'conversation:updated', (c) => c.status === 'active');
  const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
  await call(agent, 'agent:sync', {});
  await taken;
  return { visitor, agent, conversation, token };
}

async function offer(c: Chat, body: string, content: OfferContent): Promise<Message> {
  const atVisitor = nextEvent<Message>(c.visitor, 'message:new', (m) => m.body === body);
  const { message } = await call<{ message: Message }>(c.agent, 'message:send', {
    conversationId: c.conversation.id,
    clientMessageId: clientId(),
    body,
    content,
  });
  expect(message.content).toEqual(content);
  // the visitor's copy leaves out the null/0 defaults (realtime/visitor-wire.ts)
  expect(await atVisitor).toEqual(visitorMessage(message));
  return message;
}

const answer = (socket: VisitorSocket, payload: unknown, clientMessageId = clientId()) =>
  callRaw<SendResult>(socket, 'message:send', { clientMessageId, body: 'preview', answer: payload });

function suite(start: () => Promise<TestServer>) {
  it('relays quick replies, stores the choice once from the offer, and refuses wrong or second answers', async () => {
    const t = await start();
    const c = await chat(t);
    const asked = await offer(c, 'What is it about?', QUICK_REPLIES);

    const wrong = await answer(c.visitor, { type: 'quick_reply', messageId: asked.id, optionId: 'sales' });
    expect(wrong.ok || wrong.error.code).toBe('invalid_answer');

    const atAgent = nextEvent<Message>(c.agent, 'message:new', (m) => m.author.kind === 'visitor');
    const id = clientId();
    const first = await answer(c.visitor, { type: 'quick_reply', messageId: asked.id, optionId: 'tech' }, id);
    if (!first.ok) throw new Error(first.error.message);
    // the text is the offer's own label, not what the client sent
    expect(first.data.message.body).toBe('Technical problem');
    expect(first.data.message.content).toEqual({
      type: 'quick_reply_choice',
      messageId: asked.id,
      optionId: 'tech',
      label: 'Technical problem',
    });
    expect(visitorMessage(await atAgent)).toEqual(first.data.message);

    const retried = await answer(c.visitor, { type: 'quick_reply', messageId: asked.id, optionId: 'tech' }, id);
    expect(retried.ok && retried.data.message).toEqual(first.data.message);
    const again = await answer(c.visitor, { type: 'quick_reply', messageId: asked.id, optionId: 'billing' });
    expect(again.ok || again.error.code).toBe('already_answered');

    const history = await call<{ messages: Message[] }>(c.agent, 'conversation:history', {
      conversationId: c.conversation.id,
      afterSeq: 0,
    });
    expect(history.messages.map((m) => m.body)).toEqual(['Hello', 'What is it about?', 'Technical problem']);

    // a reload: the resume carries the offer with its content and the answer that disables it
    const back = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: c.token });
    await connected(back);
    const resumed = await call<SessionResumeResult>(back, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.messages.map((m) => m.content?.type ?? null)).toEqual([null, 'quick_replies', 'quick_reply_choice']);
  });

  it('checks a form answer field by field and stores it as the visitor message the agent sees', async () => {
    const t = await start();
    const c = await chat(t);
    const asked = await offer(c, 'Your order', FORM);

    const bad = await answer(c.visitor, { type: 'form', messageId: asked.id, values: { email: 'not-an-email' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_answer');
      expect(bad.error.issues).toEqual([{ path: 'answer.values.email', message: 'Email: enter an email address' }]);
    }
    const unknown = await answer(c.visitor, {
      type: 'form',
      messageId: asked.id,
      values: { email: 'a@example.com', coupon: 'FREE' },
    });
    expect(unknown.ok || unknown.error.code).toBe('invalid_answer');
    const missing = await answer(c.visitor, { type: 'form', messageId: asked.id, values: { order: '42' } });
    expect(missing.ok || missing.error.issues?.[0]?.path).toBe('answer.values.email');

    const atAgent = nextEvent<Message>(c.agent, 'message:new', (m) => m.author.kind === 'visitor');
    const good = await answer(c.visitor, {
      type: 'form',
      messageId: asked.id,
      values: { email: ' ada@example.com ', order: 'A-1001' },
    });
    if (!good.ok) throw new Error(good.error.message);
    expect(good.data.message.body).toBe('Email: ada@example.com\nOrder number: A-1001');
    expect((await atAgent).content).toEqual({
      type: 'form_answer',
      messageId: asked.id,
      values: [
        { fieldId: 'email', label: 'Email', value: 'ada@example.com' },
        { fieldId: 'order', label: 'Order number', value: 'A-1001' },
      ],
    });
  });

  it('stores one answer when two tabs answer the same quick replies at once', async () => {
    const t = await start();
    const c = await chat(t);
    const asked = await offer(c, 'Pick one', QUICK_REPLIES);
    const second = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: c.token });
    await connected(second);
    await call(second, 'session:resume', { conversationId: c.conversation.id, lastSeq: 0 });
    const results = await Promise.all([
      answer(c.visitor, { type: 'quick_reply', messageId: asked.id, optionId: 'billing' }),
      answer(second, { type: 'quick_reply', messageId: asked.id, optionId: 'tech' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['already_answered', 'ok']);
  });

  it('refuses malformed content, answers to what asks nothing, and other visitors’ offers', async () => {
    const t = await start();
    const c = await chat(t);
    const plainLink = await callRaw(c.agent, 'message:send', {
      conversationId: c.conversation.id,
      clientMessageId: clientId(),
      body: 'Look',
      content: { type: 'card', title: 'Plan', buttons: [{ label: 'Open', url: 'javascript:alert(1)' }] },
    });
    expect(plainLink.ok || plainLink.error.code).toBe('invalid_payload');
    const card = await offer(c, 'Our plan', {
      type: 'card',
      title: 'Pro plan',
      buttons: [{ label: 'Pricing', url: 'https://example.com/pricing' }],
    });
    const toCard = await answer(c.visitor, { type: 'quick_reply', messageId: card.id, optionId: 'x' });
    expect(toCard.ok || toCard.error.code).toBe('invalid_answer');
    const own = await answer(c.visitor, { type: 'quick_reply', messageId: 'msg_nope', optionId: 'x' });
    expect(own.ok || own.error.code).toBe('not_found');

    const asked = await offer(c, 'Pick one', QUICK_REPLIES);
    const stranger = await visitorWrites(t, 'Someone else');
    const foreign = await answer(stranger.socket, { type: 'quick_reply', messageId: asked.id, optionId: 'tech' });
    expect(foreign.ok || foreign.error.code).toBe('not_found');
  });
}

describe('rich messages on SQLite', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
  });
  suite(async () => (t = await startTestServer()));
});

describe.runIf(postgresAdminUrl)('rich messages on PostgreSQL', () => {
  let t: TestServer | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
    await database?.drop();
  });
  suite(async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    return (t = await startTestServer({ databaseUrl: database.url }));
  });
});
