/**
 * The file-storage contract against every implementation: local disk in a temp folder, and S3
 * against a real S3-compatible server (s3rver) the test starts on a free port.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { DiskFileStorage } from '../../src/files/disk-file-storage.ts';
import { S3FileStorage } from '../../src/files/s3-file-storage.ts';
import { fileStorageContract } from '../support/file-storage-contract.ts';
import { startS3Server } from '../support/s3-server.ts';
import { makeDataDir } from '../support/test-server.ts';

describe('file storage contract: disk', () => {
  fileStorageContract(async () => [new DiskFileStorage(makeDataDir()), async () => undefined]);

  it('leaves no temporary file behind after a refused body', async () => {
    const root = makeDataDir();
    const storage = new DiskFileStorage(root);
    await expect(
      storage.put('att/conv_1/big', Readable.from([Buffer.alloc(2048)]), { maxBytes: 1024 }),
    ).rejects.toThrow();
    expect(fs.readdirSync(path.join(root, 'att', 'conv_1'))).toEqual([]);
  });
});

describe('file storage contract: s3 (s3rver)', () => {
  fileStorageContract(async () => {
    const server = await startS3Server();
    return [new S3FileStorage(server.settings), () => server.close()];
  });
});
