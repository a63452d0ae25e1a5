/**
 * Attachments over HTTP with a real server: who may upload when, the type taken from the content,
 * images re-encoded without their metadata and with a thumbnail, the size cap, and the upload limit.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ErrorCode } from '@parley/shared/error-codes';
import { useTestServer } from './support/test-server.ts';
import { login } from './support/clients.ts';
import {
  agentLink,
  agentUpload,
  answeredChat,
  download,
  formWith,
  pngImage,
  phonePhoto,
  PDF,
  visitorUpload,
} from './support/attachments.ts';
import { visitorWrites } from './support/workflow.ts';

const t = useTestServer();

const errorCode = (body: unknown): unknown => (body as { error?: { code?: string } }).error?.code;

describe('uploads', () => {
  it('are refused to a visitor before an agent answered, and without a token', async () => {
    const chat = await visitorWrites(t, 'hello');
    const png = await pngImage();
    const early = await visitorUpload(t, chat.token, formWith('shot.png', png));
    expect(early.status).toBe(403);
    expect(errorCode(early.body)).toBe(ErrorCode.UploadsNotAllowed);
    const anonymous = await visitorUpload(t, undefined, formWith('shot.png', png));
    expect(anonymous.status).toBe(401);
    const forged = await visitorUpload(t, `${chat.token}x`, formWith('shot.png', png));
    expect(forged.status).toBe(401);
    const foreignPage = await visitorUpload(t, chat.token, formWith('shot.png', png), {
      origin: 'https://evil.example',
    });
    expect(foreignPage.status).toBe(403);
    expect(await t.server.store.attachments.listByVisitor(chat.conversation.visitorId)).toEqual([]);
  });

  it('re-encode a visitor’s photo upright without EXIF or GPS, with a thumbnail the agent can fetch', async () => {
    const chat = await answeredChat(t);
    const photo = await phonePhoto();
    const taken = await sharp(photo).metadata();
    expect([taken.exif !== undefined, taken.orientation]).toEqual([true, 6]);
    const up = await visitorUpload(t, chat.token, formWith('../../IMG_0001.JPG', photo, 'text/html'));
    expect(up.status).toBe(200);
    const { attachment } = up.body;
    expect(attachment).toMatchObject({ name: 'IMG_0001.JPG', type: 'image/jpeg', hasThumbnail: true });

    const link = await agentLink(t, chat.cookie, attachment.id);
    expect(link.status).toBe(200);
    const file = await download(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="IMG_0001.JPG"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    const stored = await sharp(file.bytes).metadata();
    expect(stored.exif).toBeUndefined();
    // Orientation 6 (turned a quarter): stored upright, 32 wide and 64 high
    expect([stored.width, stored.height]).toEqual([32, 64]);
    expect(file.bytes.length).toBe(attachment.size);

    const thumb = await download(link.body.thumbnailUrl ?? '');
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(thumb.bytes).metadata()).format).toBe('webp');
  });

  it('take the type from the content: a PDF named .png is a PDF, an attachment to download', async () => {
    const chat = await answeredChat(t);
    const up = await agentUpload(t, chat.cookie, chat.conversationId, formWith('invoice.png', PDF, 'image/png'));
    expect(up.status).toBe(200);
    expect(up.body.attachment).toMatchObject({ name: 'invoice.pdf', type: 'application/pdf', hasThumbnail: false });
    const link = await agentLink(t, chat.cookie, up.body.attachment.id);
    const file = await download(link.body.url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice.pdf"/);
    expect(Buffer.compare(file.bytes, PDF)).toBe(0);
  });

  it('refuse HTML and SVG whatever they are called, and accept plain text as a download', async () => {
    const chat = await answeredChat(t);
    const disguised = [
      ['cat.png', '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'],
      ['cat.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['cat.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['notes.txt', 'Hello\n<script>alert(1)</script>'],
    ] as const;
    for (const [name, content] of disguised) {
      const up = await visitorUpload(t, chat.token, formWith(name, Buffer.from(content), 'image/png'));
      expect(up.status, content).toBe(415);
      expect(errorCode(up.body)).toBe(ErrorCode.FileTypeNotAllowed);
    }
    const text = await visitorUpload(t, chat.token, formWith('log.txt', Buffer.from('line one\nline two\n')));
    expect(text.body.attachment).toMatchObject({ type: 'text/plain', name: 'log.txt' });
    const link = await agentLink(t, chat.cookie, text.body.attachment.id);
    const file = await download(link.body.url);
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('refuse a file over the site’s maximum, and types the site does not allow', async () => {
    const chat = await answeredChat(t);
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    await t.server.store.sites.updateSettings(demo.id, {
      attachments: { ...demo.attachments, maxBytes: 4096, allowedTypes: ['image/png'] },
    });
    const big = await visitorUpload(t, chat.token, formWith('big.txt', Buffer.alloc(100_000, 'a')));
    expect(big.status).toBe(413);
    expect(errorCode(big.body)).toBe(ErrorCode.FileTooLarge);
    const pdf = await visitorUpload(t, chat.token, formWith('doc.pdf', PDF));
    expect(pdf.status).toBe(415);
    const broken = await visitorUpload(
      t,
      chat.token,
      formWith('x.png', Buffer.concat([(await pngImage()).subarray(0, 60)])),
    );
    expect(broken.status).toBe(415);
    expect(
      await t.server.store.attachments.listByVisitor(
        (await t.server.store.conversations.findById(chat.conversationId))?.visitorId ?? '',
      ),
    ).toEqual([]);
    await t.server.store.sites.updateSettings(demo.id, { attachments: { ...demo.attachments, visitorUploads: false } });
    const off = await visitorUpload(t, chat.token, formWith('a.png', await pngImage()));
    expect(errorCode(off.body)).toBe(ErrorCode.UploadsNotAllowed);
  });

  it('are limited per visitor', async () => {
    await t.restart();
    const chat = await answeredChat(t);
    const png = await pngImage();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await visitorUpload(t, chat.token, formWith(`s${i}.png`, png))).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('are refused to an agent who does not hold the conversation', async () => {
    const chat = await answeredChat(t);
    const other = await t.createAgent({ name: 'Bob' });
    const cookie = await login(t.url, other.email, other.password);
    const up = await agentUpload(t, cookie, chat.conversationId, formWith('a.png', await pngImage()));
    expect(up.status).toBe(403);
  });
});
