/**
 * Which file storage the configuration picks, and the warning at start when processes sharing a
 * database would each keep files on their own disk.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createFileStorage } from '../../src/files/create-file-storage.ts';

function logged(env: Record<string, string>): { kind: string; lines: string[] } {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const storage = createFileStorage(
    parseConfig({ PARLEY_DATA_DIR: '/tmp/parley-x', ...env }),
    createLogger('info', capture),
  );
  void storage.close();
  return { kind: storage.kind, lines };
}

describe('file storage choice', () => {
  it('keeps files on disk by default, without a warning for one process', () => {
    const { kind, lines } = logged({});
    expect(kind).toBe('disk');
    expect(lines.join('')).not.toMatch(/warn/);
  });

  it('warns when a cluster (Redis or PostgreSQL) keeps files on local disk', () => {
    const clusters: Array<Record<string, string>> = [
      { REDIS_URL: 'redis://127.0.0.1:1' },
      { DATABASE_URL: 'postgres://x@127.0.0.1/db' },
    ];
    for (const env of clusters) {
      const { kind, lines } = logged(env);
      expect(kind).toBe('disk');
      expect(lines.join('')).toMatch(/S3_BUCKET/);
    }
  });

  it('uses S3 when a bucket is set', () => {
    const { kind, lines } = logged({
      S3_BUCKET: 'files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      S3_FORCE_PATH_STYLE: 'true',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(kind).toBe('s3');
    expect(lines.join('')).not.toMatch(/S3_BUCKET/);
  });

  it('refuses S3 settings without a bucket, or a key without its secret', () => {
    expect(() => parseConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(ConfigError);
    expect(() => parseConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
