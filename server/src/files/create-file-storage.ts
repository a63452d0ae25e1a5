/**
 * @module Picks the file storage the configuration asks for: S3 when S3_BUCKET is set, local disk under
 * PARLEY_DATA_DIR/files otherwise; and says at start when several processes would each keep their
 * own files on their own disk.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { FileStorage } from './file-storage.ts';
import { DiskFileStorage } from './disk-file-storage.ts';
import { S3FileStorage } from './s3-file-storage.ts';
import { ClamdScanner } from './clamd-scanner.ts';
import type { MalwareScanner } from './malware-scanner.ts';

export function createFileStorage(config: Config, logger: Logger): FileStorage {
  if (config.files.s3) {
    logger.info('attachments are stored in S3', { bucket: config.files.s3.bucket, endpoint: config.files.s3.endpoint });
    return new S3FileStorage(config.files.s3);
  }
  const root = path.join(config.dataDir, 'files');
  if (config.scale.redisUrl !== undefined || config.databaseUrl !== undefined) {
    logger.warn(
      'attachments are stored on this machine’s disk, but this process shares its database with others ' +
        '(REDIS_URL or DATABASE_URL is set): a file uploaded through one process cannot be downloaded through ' +
        'another. Set S3_BUCKET (and S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) to share one bucket.',
      { directory: root },
    );
  }
  return new DiskFileStorage(root);
}

/** The malware scanner CLAMAV_ADDRESS names, or none; said at start either way, so nobody assumes a scan. */
export function createMalwareScanner(config: Config, logger: Logger): MalwareScanner | undefined {
  if (!config.files.clamav) {
    logger.info('uploads are not scanned for malware (set CLAMAV_ADDRESS to scan them with clamd)');
    return undefined;
  }
  const scanner = new ClamdScanner(config.files.clamav);
  logger.info('uploads are scanned for malware', { scanner: scanner.description });
  return scanner;
}
