/**
 * Messages that carry files, over real sockets on SQLite and PostgreSQL: the uploads are linked in
 * the message's own write, both sides see them live, in history, on resume and in the agent's list;
 * a retry by client id answers the stored message; another conversation's, another sender's or an
 * already sent file is refused with nothing written; malformed attachmentIds crash nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorCode,
  type AgentSyncResult,
  type Ack,
  type Message,
  type SendResult,
  type SessionResumeResult,
} from '@parley/shared';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { call, callRaw, clientId, connectVisitor, connected, disconnectAll, nextEvent } from './support/clients.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { agentUpload, answeredChat, formWith, pngImage, PDF, visitorUpload } from './support/attachments.ts';
import { visitorMessage } from '../src/realtime/visitor-wire.ts';

const engines = [
  { name: 'sqlite', database: async (): Promise<TempDatabase | undefined> => undefined },
  ...(postgresAdminUrl
    ? [
        {
          name: 'postgres',
          database: (): Promise<TempDatabase | undefined> => createTempDatabase(postgresAdminUrl ?? ''),
        },
      ]
    : []),
];

let agents = 0;
const agentName = (): string => `Agent ${++agents}`;

describe.each(engines)('messages with attachments on $name', ({ database: makeDatabase }) => {
  let t: TestServer;
  let database: TempDatabase | undefined;

  beforeAll(async () => {
    database = await makeDatabase();
    t = await startTestServer({
      env: { RATE_LIMIT_UPLOADS_PER_VISITOR: '1000/1m' },
      ...(database ? { databaseUrl: database.url } : {}),
    });
  });

  afterAll(async () => {
    disconnectAll();
    await t.close();
    await database?.drop();
  });

  const upload = async (token: string, name: string, bytes: Uint8Array) => {
    const res = await visitorUpload(t, token, formWith(name, bytes));
    if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.attachment;
  };

  it('links the files in the message’s write, shows them to both sides live, and answers a retry with the same message', async () => {
    const chat = await answeredChat(t, agentName());
    const image = await upload(chat.token, 'screen.png', await pngImage());
    const pdf = await upload(chat.token, 'terms.pdf', PDF);
    const atAgent = nextEvent<Message>(chat.agent, 'message:new', (m) => m.attachments.length > 0);
    const atVisitor = nextEvent<Message>(chat.visitor, 'message:new', (m) => m.attachments.length > 0);
    const payload = { clientMessageId: clientId(), body: '', attachmentIds: [image.id, pdf.id] };
    const sent = await call<SendResult>(chat.visitor, 'message:send', payload);
    expect(sent.message.body).toBe('');
    expect(sent.message.attachments).toEqual([image, pdf]);
    expect((await atAgent).attachments).toEqual([image, pdf]);
    expect((await atVisitor).id).toBe(sent.message.id);

    const again = await call<SendResult>(chat.visitor, 'message:send', payload);
    expect(again.message).toEqual(sent.message);
    const history = await call<{ messages: Message[] }>(chat.agent, 'conversation:history', {
      conversationId: chat.conversationId,
      afterSeq: 0,
    });
    expect(history.messages.filter((m) => m.attachments.length > 0).map(visitorMessage)).toEqual([sent.message]);
    expect(history.messages.filter((m) => m.id !== sent.message.id).every((m) => m.attachments.length === 0)).toBe(
      true,
    );
    const sync = await call<AgentSyncResult>(chat.agent, 'agent:sync', {});
    const summary = sync.conversations.find((c) => c.id === chat.conversationId);
    expect(summary?.lastMessage?.attachments).toEqual([image, pdf]);
  });

  it('carries an agent’s files to the visitor, and keeps them on resume', async () => {
    const chat = await answeredChat(t, agentName());
    const pdf = await agentUpload(t, chat.cookie, chat.conversationId, formWith('invoice.pdf', PDF));
    const atVisitor = nextEvent<Message>(
      chat.visitor,
      'message:new',
      (m) => m.author.kind === 'agent' && m.attachments.length > 0,
    );
    const sent = await call<{ message: Message }>(chat.agent, 'message:send', {
      conversationId: chat.conversationId,
      clientMessageId: clientId(),
      body: 'Your invoice',
      attachmentIds: [pdf.body.attachment.id],
    });
    expect(sent.message.attachments).toEqual([pdf.body.attachment]);
    expect((await atVisitor).attachments).toEqual([pdf.body.attachment]);
    const again = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: chat.token });
    await connected(again);
    const resumed = await call<SessionResumeResult>(again, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.messages.find((m) => m.id === sent.message.id)?.attachments).toEqual([pdf.body.attachment]);
  });

  it('refuses another conversation’s, another sender’s and an already sent file, writing nothing', async () => {
    const mine = await answeredChat(t, agentName());
    const theirs = await answeredChat(t, agentName());
    const theirFile = await upload(theirs.token, 'theirs.png', await pngImage());
    const agentFile = (await agentUpload(t, mine.cookie, mine.conversationId, formWith('a.pdf', PDF))).body.attachment;
    const myFile = await upload(mine.token, 'mine.png', await pngImage());
    const before = await t.server.store.conversations.findById(mine.conversationId);

    const refused = async (attachmentIds: string[]) => {
      const ack = await callRaw<SendResult>(mine.visitor, 'message:send', {
        clientMessageId: clientId(),
        body: 'look',
        attachmentIds,
      });
      expect(ack.ok ? 'ok' : ack.error.code).toBe(ErrorCode.AttachmentNotLinkable);
    };
    await refused([theirFile.id]);
    await refused([myFile.id, agentFile.id]);
    await refused(['att_nothing_by_that_id']);
    // nothing written: no seq taken, my file still free
    expect((await t.server.store.conversations.findById(mine.conversationId))?.lastSeq).toBe(before?.lastSeq);
    expect((await t.server.store.attachments.findById(myFile.id))?.messageId).toBeNull();

    await call<SendResult>(mine.visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'ok',
      attachmentIds: [myFile.id],
    });
    await refused([myFile.id]);
    // the agent of another conversation cannot send a file of this one either
    const ack = await callRaw(theirs.agent, 'message:send', {
      conversationId: theirs.conversationId,
      clientMessageId: clientId(),
      body: 'x',
      attachmentIds: [agentFile.id],
    });
    expect(ack.ok ? 'ok' : ack.error.code).toBe(ErrorCode.AttachmentNotLinkable);
  });

  it('refuses an empty message without files', async () => {
    const chat = await answeredChat(t, agentName());
    const ack = await callRaw(chat.visitor, 'message:send', {
      clientMessageId: clientId(),
      body: ' ',
      attachmentIds: [],
    });
    expect(ack.ok ? 'ok' : ack.error.code).toBe(ErrorCode.InvalidPayload);
  });

  it('opens the chat for a first message that starts with a file, when the site allows uploads before an answer', async () => {
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    await t.server.store.sites.updateSettings(demo.id, {
      attachments: { ...demo.attachments, visitorUploadsAfterAgentReply: false },
    });
    try {
      const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
      await connected(visitor);
      const { token } = await call<SessionResumeResult>(visitor, 'session:resume', {
        conversationId: null,
        lastSeq: 0,
      });
      const file = await upload(token, 'first.png', await pngImage());
      const sent = await call<SendResult>(visitor, 'message:send', {
        clientMessageId: clientId(),
        body: '',
        attachmentIds: [file.id],
      });
      expect(sent.message.seq).toBe(1);
      expect(sent.message.attachments).toEqual([file]);
      expect(sent.conversation.status).not.toBe('closed');
    } finally {
      await t.server.store.sites.updateSettings(demo.id, { attachments: demo.attachments });
    }
  });

  it('answers malformed attachmentIds with invalid_payload and keeps serving', async () => {
    const chat = await answeredChat(t, agentName());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.array(fc.string({ maxLength: 80 }), { minLength: 11, maxLength: 14 }),
          fc.array(
            fc.oneof(fc.integer(), fc.constant(''), fc.constant(null), fc.string({ minLength: 65, maxLength: 90 })),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          fc.constant(['att_same', 'att_same']),
        ),
        async (attachmentIds) => {
          const ack: Ack<SendResult> = await callRaw(chat.visitor, 'message:send', {
            clientMessageId: clientId(),
            body: 'hi',
            attachmentIds,
          });
          if (ack.ok) {
            // only undefined or an empty list is a valid value here
            expect(attachmentIds === undefined || (Array.isArray(attachmentIds) && attachmentIds.length === 0)).toBe(
              true,
            );
          } else {
            expect([ErrorCode.InvalidPayload, ErrorCode.AttachmentNotLinkable]).toContain(ack.error.code);
          }
        },
      ),
      { numRuns: 60 },
    );
    const fine = await call<SendResult>(chat.visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'still here',
    });
    expect(fine.message.body).toBe('still here');
  });
});
