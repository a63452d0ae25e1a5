/**
 * Who can fetch a file: only the conversation's visitor and agents (and admins) get signed links;
 * another visitor, an anonymous caller, a tampered or expired link get nothing. A disguised HTML
 * page is never stored, so never served; what is served is never HTML. Malformed uploads and bad
 * ids, thrown by fast-check, get clear errors and crash nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ErrorBodySchema, ErrorCode, VISITOR_TOKEN_HEADER } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { disconnectAll, login } from './support/clients.ts';
import { visitorWrites } from './support/workflow.ts';
import {
  agentLink,
  agentUpload,
  answeredChat,
  download,
  formWith,
  pngImage,
  PDF,
  visitorLink,
  visitorUpload,
  type ChatWithFiles,
} from './support/attachments.ts';

let t: TestServer;
let chat: ChatWithFiles;
let imageId: string;
let pdfId: string;

beforeAll(async () => {
  t = await startTestServer({ env: { RATE_LIMIT_UPLOADS_PER_VISITOR: '1000/1m' } });
  chat = await answeredChat(t);
  imageId = (await visitorUpload(t, chat.token, formWith('me.png', await pngImage()))).body.attachment.id;
  pdfId = (await agentUpload(t, chat.cookie, chat.conversationId, formWith('terms.pdf', PDF))).body.attachment.id;
});

afterAll(async () => {
  disconnectAll();
  await t.close();
});

describe('file access', () => {
  it('gives links to the conversation’s visitor, its agent and admins', async () => {
    const mine = await visitorLink(t, chat.token, imageId);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe(t.origin);
    expect((await download(mine.body.url)).status).toBe(200);
    expect((await agentLink(t, chat.cookie, pdfId)).status).toBe(200);
    const admin = await agentLink(t, await login(t.url, ADMIN.email, ADMIN.password), pdfId);
    expect((await download(admin.body.url)).status).toBe(200);
  });

  it('refuses another visitor, another agent, and anyone without credentials', async () => {
    const other = await visitorWrites(t, 'I am someone else');
    const theirs = await visitorLink(t, other.token, imageId);
    expect(theirs.status).toBe(404);
    expect(ErrorBodySchema.parse(theirs.body).error.code).toBe(ErrorCode.NotFound);
    expect((await visitorLink(t, undefined, imageId)).status).toBe(401);
    expect((await agentLink(t, undefined, imageId)).status).toBe(401);
    const bob = await t.createAgent({ name: 'Bob' });
    expect((await agentLink(t, await login(t.url, bob.email, bob.password), imageId)).status).toBe(404);
  });

  it('serves nothing for a tampered, swapped, expired or unsigned link', async () => {
    const { body } = await agentLink(t, chat.cookie, imageId);
    const url = new URL(body.url);
    const tampered = new URL(url);
    tampered.searchParams.set('signature', 'A'.repeat(43));
    const swapped = new URL(url.href.replace(imageId, pdfId));
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 60));
    const thumbnailOfPdf = new URL(url.href.replace(imageId, pdfId));
    thumbnailOfPdf.searchParams.set('variant', 'thumbnail');
    const expired = new URL(url);
    expired.searchParams.set('expires', '1');
    const unsigned = `${t.url}/api/files/${imageId}`;
    for (const bad of [tampered.href, swapped.href, later.href, thumbnailOfPdf.href, expired.href]) {
      const res = await download(bad);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect((await download(unsigned)).status).toBe(400);
  });

  it('never stores a disguised HTML page, and serves nothing as HTML or SVG', async () => {
    const page = Buffer.from('<html><body><img src=x onerror="fetch(`/steal?`+document.cookie)"></body></html>');
    const up = await visitorUpload(t, chat.token, formWith('holiday.png', page, 'image/png'));
    expect(up.status).toBe(415);
    for (const id of [imageId, pdfId]) {
      const { body } = await agentLink(t, chat.cookie, id);
      for (const href of [body.url, body.thumbnailUrl].filter((u): u is string => u !== null)) {
        const res = await download(href);
        expect(res.headers.get('content-type')).not.toMatch(/html|svg|xml/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      }
    }
  });

  it('answers malformed uploads and bad ids with clear errors, never a crash', async () => {
    const boundary = 'XyZ';
    const part = fc.record({
      name: fc.oneof(fc.constant('file'), fc.string({ maxLength: 10 })),
      filename: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('../../etc/passwd'), fc.constant('a\u202Egnp.exe')),
      content: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('<svg onload=alert(1)>'), fc.constant('%PDF-1.4')),
      cut: fc.boolean(),
    });
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      part.map(
        ({ name, filename, content, cut }) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
          `Content-Type: image/png\r\n\r\n${content}${cut ? '' : `\r\n--${boundary}--\r\n`}`,
      ),
    );
    const contentType = fc.constantFrom(
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      'application/json',
      'text/plain',
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const res = await fetch(`${t.url}/api/widget/${t.siteKey}/attachments`, {
          method: 'POST',
          headers: { origin: t.origin, [VISITOR_TOKEN_HEADER]: chat.token, 'content-type': type },
          body: text,
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(ErrorBodySchema.parse(await res.json()).error.code).not.toBe(ErrorCode.Internal);
        else await res.arrayBuffer();
      }),
      { numRuns: 150 },
    );
    const ids = fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constant('..'), fc.constant('%2e%2e%2fsecret'));
    await fc.assert(
      fc.asyncProperty(ids, fc.string({ maxLength: 60 }), async (id, signature) => {
        const path = encodeURIComponent(id);
        for (const url of [
          `${t.url}/api/files/${path}?expires=99999999999&signature=${encodeURIComponent(signature)}`,
          `${t.url}/api/attachments/${path}/link`,
        ]) {
          const res = await fetch(url, { headers: { cookie: chat.cookie } });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          ErrorBodySchema.parse(await res.json());
        }
      }),
      { numRuns: 100 },
    );
  });
});
