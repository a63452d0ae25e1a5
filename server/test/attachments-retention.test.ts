/**
 * Files go with their conversation: the retention sweep and the visitor-data delete remove them from
 * the file storage (on disk, and in S3 against a real s3rver), and the visitor's export lists them.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { call, disconnectAll } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { startS3Server, type TestS3Server } from './support/s3-server.ts';
import { agentLink, answeredChat, download, formWith, pngImage, PDF, visitorUpload } from './support/attachments.ts';
import type { FileStorage } from '../src/files/file-storage.ts';
import { DiskFileStorage } from '../src/files/disk-file-storage.ts';
import { S3FileStorage } from '../src/files/s3-file-storage.ts';
import { fileKeys } from '../src/domain/attachments/file-keys.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';

let clock = Date.parse('2026-03-01T10:00:00.000Z');
const DAY = 86_400_000;
let t: TestServer | undefined;
let s3: TestS3Server | undefined;
let storage: FileStorage | undefined;
let database: TempDatabase | undefined;

afterEach(async () => {
  disconnectAll();
  await t?.close();
  await storage?.close();
  await s3?.close();
  await database?.drop();
  t = s3 = storage = database = undefined;
});

type Setup = 'disk' | 's3' | 's3 and postgres';

async function start(kind: Setup): Promise<{ server: TestServer; files: FileStorage }> {
  clock = Date.parse('2026-03-01T10:00:00.000Z');
  s3 = kind === 'disk' ? undefined : await startS3Server();
  database = kind === 's3 and postgres' ? await createTempDatabase(postgresAdminUrl ?? '') : undefined;
  t = await startTestServer({
    now: () => new Date(clock),
    ...(database && { databaseUrl: database.url }),
    env: { RETENTION_DAYS: '30', RETENTION_INTERVAL_MS: '0', ...s3?.env },
  });
  storage = s3 ? new S3FileStorage(s3.settings) : new DiskFileStorage(path.join(t.dataDir, 'files'));
  return { server: t, files: storage };
}

async function stored(files: FileStorage, conversationId: string, attachmentId: string): Promise<boolean> {
  const found = await files.get(fileKeys(conversationId, attachmentId).file);
  found?.body.destroy();
  return found !== undefined;
}

function retentionSuite(kind: Setup): void {
  it('are deleted with a conversation past retention', async () => {
    const { server, files } = await start(kind);
    const chat = await answeredChat(server);
    const up = await visitorUpload(server, chat.token, formWith('a.png', await pngImage()));
    const id = up.body.attachment.id;
    expect(await stored(files, chat.conversationId, id)).toBe(true);
    await call(chat.agent, 'conversation:close', { conversationId: chat.conversationId });
    clock += 31 * DAY;
    expect((await server.server.retentionSweep()).conversations).toBe(1);
    expect(await stored(files, chat.conversationId, id)).toBe(false);
    expect(await server.server.store.attachments.findById(id)).toBeUndefined();
  });

  it('are listed in the visitor’s export and removed by the visitor-data delete', async () => {
    const { server, files } = await start(kind);
    const chat = await answeredChat(server);
    const png = (await visitorUpload(server, chat.token, formWith('me.png', await pngImage()))).body.attachment;
    const pdf = (await visitorUpload(server, chat.token, formWith('doc.pdf', PDF))).body.attachment;
    const link = await agentLink(server, chat.cookie, png.id);
    const conversation = await server.server.store.conversations.findById(chat.conversationId);
    const visitorId = conversation?.visitorId ?? '';
    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const exported = await admin('GET', `/api/admin/visitors/${visitorId}/data`);
    // uploaded at the same instant of the test's clock: in either order
    const listed = (exported.body as { attachments: unknown[] }).attachments;
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: png.id, name: 'me.png', type: 'image/png' }),
        expect.objectContaining({ id: pdf.id, name: 'doc.pdf', type: 'application/pdf' }),
      ]),
    );
    expect(JSON.stringify(exported.body)).not.toMatch(/storageKey|att\//);
    expect((await admin('DELETE', `/api/admin/visitors/${visitorId}/data`)).status).toBe(204);
    expect(await stored(files, chat.conversationId, png.id)).toBe(false);
    expect(await stored(files, chat.conversationId, pdf.id)).toBe(false);
    expect((await download(link.body.url)).status).toBe(404);
  });
}

describe.each(['disk', 's3'] as const)('attachments and retention (%s)', retentionSuite);

describe.runIf(postgresAdminUrl)('attachments and retention (s3 and postgres)', () => {
  retentionSuite('s3 and postgres');
});
