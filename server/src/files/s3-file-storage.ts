/**
 * @module File storage in an S3-compatible bucket (AWS S3, MinIO, Garage, R2…), required when several
 * processes share one database: every process then sees every file. Uploads stream through
 * @aws-sdk/lib-storage (multipart for large bodies, so the length need not be known in advance);
 * an object appears only when its upload completes, so a reader never sees half a file.
 */
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertKey,
  assertPrefix,
  FileTooLargeError,
  sizeCap,
  type FileStorage,
  type PutOptions,
  type StoredFile,
} from './file-storage.ts';

export interface S3Settings {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(settings: S3Settings) {
    this.#bucket = settings.bucket;
    this.#client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint !== undefined && { endpoint: settings.endpoint }),
      ...(settings.accessKeyId !== undefined &&
        settings.secretAccessKey !== undefined && {
          credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        }),
      // the SDK's default checksums (CRC32 trailers on every upload) are not understood by several
      // S3-compatible servers; ask for them only where the API requires one
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<{ size: number }> {
    assertKey(key);
    const cap = sizeCap(options.maxBytes);
    let tooLarge: FileTooLargeError | undefined;
    cap.on('error', (error) => {
      if (error instanceof FileTooLargeError) tooLarge = error;
    });
    body.on('error', (error) => cap.destroy(error));
    body.pipe(cap);
    const upload = new Upload({
      client: this.#client,
      params: {
        Bucket: this.#bucket,
        Key: key,
        Body: cap,
        ...(options.contentType !== undefined && { ContentType: options.contentType }),
      },
    });
    try {
      await upload.done();
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw tooLarge ?? error;
    }
    if (tooLarge) {
      // the body ended exactly as the cap tripped: the object may exist; take it back
      await this.delete(key);
      throw tooLarge;
    }
    return { size: cap.bytes() };
  }

  async get(key: string): Promise<StoredFile | undefined> {
    assertKey(key);
    try {
      const answer = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      const body = answer.Body as Readable | undefined;
      if (!body) return undefined;
      return { body, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
        return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertPrefix(prefix);
    let count = 0;
    let token: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [{ Key: object.Key }]));
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        await this.#client.send(
          new DeleteObjectsCommand({ Bucket: this.#bucket, Delete: { Objects: batch, Quiet: true } }),
        );
        count += batch.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return count;
  }

  close(): Promise<void> {
    this.#client.destroy();
    return Promise.resolve();
  }
}
