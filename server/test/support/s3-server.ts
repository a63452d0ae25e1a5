/**
 * @module A real S3-compatible server for tests: s3rver on a free port, its buckets in a temp folder,
 * and the S3 settings that reach it. Nothing outside the test is needed, so the S3 side always runs.
 */
import S3rver from 's3rver';
import type { S3Settings } from '../../src/files/s3-file-storage.ts';
import { makeDataDir } from './test-server.ts';

export interface TestS3Server {
  settings: S3Settings;
  /** The same settings as S3_* environment variables, for a test server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'parley-test'): Promise<TestS3Server> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: makeDataDir(),
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts any credentials; these are its documented defaults
  const settings: S3Settings = {
    endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    settings,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    close: () => server.close(),
  };
}
