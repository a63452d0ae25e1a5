/**
 * Logs are JSON lines with a request id per HTTP request and a connection id per socket, and never
 * carry message bodies, emails, passwords, session cookies or visitor tokens: checked on everything
 * a server logged at debug level through a real chat, and on the logger itself.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message, SendResult } from '@parley/shared';
import { createLogger, REDACTED } from '../src/logger.ts';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { call, clientId, disconnectAll, login, nextEvent } from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';

class Capture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  lines(): Array<Record<string, unknown>> {
    return this.chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

let t: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

describe('logs', () => {
  it('carry request and connection ids and none of the words, addresses or secrets of a chat', async () => {
    const capture = new Capture();
    t = await startTestServer({ logger: createLogger('debug', capture) });
    const secrets = [
      'VISITOR-BODY-7731',
      'AGENT-BODY-9920',
      'ada.private@example.com',
      'RATING-COMMENT-5512',
      ADMIN.password,
    ];

    const requestId = 'probe-request-0001';
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${t.url}/api/admin/sites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ name: 'x', allowedOrigins: ['not an origin'], greeting: 'ada.private@example.com' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const session = cookie.split('=')[1] ?? '';
    secrets.push(session);

    const { socket: visitor, conversation, token } = await visitorWrites(t, 'VISITOR-BODY-7731 my card number');
    secrets.push(token);
    await call(visitor, 'visitor:identify', { name: 'Ada', email: 'ada.private@example.com' });
    const taken = nextEvent<Conversation>(visitor, 'conversation:updated', (c) => c.status === 'active');
    const { socket: agent } = await agentOnline(t, 'Ann');
    await taken;
    const heard = nextEvent<Message>(visitor, 'message:new', (m) => m.author.kind === 'agent');
    await call<SendResult>(agent, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: clientId(),
      body: 'AGENT-BODY-9920',
    });
    await heard;
    await call(visitor, 'conversation:close', { conversationId: conversation.id });
    await call(visitor, 'conversation:rate', {
      conversationId: conversation.id,
      rating: 2,
      comment: 'RATING-COMMENT-5512',
    });
    await call(visitor, 'transcript:request', { conversationId: conversation.id, email: 'ada.private@example.com' });

    const lines = capture.lines();
    for (const line of lines) {
      expect(line).toMatchObject({
        level: expect.stringMatching(/^(debug|info|warn|error)$/),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', requestId, method: 'POST', path: '/api/admin/sites', status: 400 }),
    );
    const requests = lines.filter((l) => l.msg === 'request');
    expect(new Set(requests.map((l) => l.requestId)).size).toBe(requests.length);
    expect(
      lines.filter(
        (l) => l.msg === 'socket connected' && typeof l.connectionId === 'string' && l.namespace === '/visitor',
      ),
    ).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'socket connected' && l.namespace === '/agent')).toHaveLength(1);

    const written = capture.chunks.join('');
    for (const secret of secrets) expect(written).not.toContain(secret);
    expect(written).not.toMatch(/[\w.+-]+@example\.com/);
  });

  it('scrub fields named like content or credentials, and addresses in any text', () => {
    const capture = new Capture();
    const logger = createLogger('debug', capture).child({ requestId: 'r1', email: 'bob@example.org' });
    const error = new Error('no mailbox for bob@example.org', { cause: new Error('relay said carol@example.net') });
    logger.error('mail failed for dave@example.com', {
      body: 'hello there',
      to: 'bob@example.org',
      nested: {
        password: 'hunter22',
        replyToken: 'abc',
        headers: { cookie: 'parley_session=xyz', authorization: 'Bearer t' },
      },
      list: [{ text: 'words' }, 'erin@example.com'],
      conversationId: 'conv_1',
      error,
    });
    const [line] = capture.lines();
    expect(line).toMatchObject({
      level: 'error',
      requestId: 'r1',
      email: REDACTED,
      msg: 'mail failed for [email]',
      body: REDACTED,
      to: REDACTED,
      nested: { password: REDACTED, replyToken: REDACTED, headers: { cookie: REDACTED, authorization: REDACTED } },
      list: [{ text: REDACTED }, '[email]'],
      conversationId: 'conv_1',
      error: { type: 'Error', message: 'no mailbox for [email]', cause: { message: 'relay said [email]' } },
    });
    expect(capture.chunks.join('')).not.toMatch(/@example\.(org|net|com)/);
    // silent writes nothing
    const quiet = new Capture();
    createLogger('silent', quiet).error('x', { a: 1 });
    expect(quiet.chunks).toEqual([]);
  });
});
