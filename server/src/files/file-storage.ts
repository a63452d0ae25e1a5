/**
 * @module The file-storage seam: where attachment bytes live, behind one interface with a local-disk
 * and an S3-compatible implementation (one contract suite runs on both: test/files/). Keys are made
 * by the server (never a client's file name); bodies go in and out as streams, so no file is held
 * whole in memory, and `put` stops a body past its size cap while it streams.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';

export interface StoredFile {
  body: Readable;
  size: number;
}

export interface PutOptions {
  /** A body longer than this is refused with FileTooLargeError and nothing is kept. */
  maxBytes: number;
  /** Stored beside the bytes where the backend can (S3); serving never trusts it. */
  contentType?: string;
}

export interface FileStorage {
  /** Where files are kept, for the start-up log and the cluster warning. */
  readonly kind: 'disk' | 's3';
  /** Stores the whole body under `key`, replacing nothing half-written; resolves with its size. */
  put(key: string, body: Readable, options: PutOptions): Promise<{ size: number }>;
  /** The file, or undefined when there is none under `key`. */
  get(key: string): Promise<StoredFile | undefined>;
  /** Removes the file; a key with nothing under it is fine. */
  delete(key: string): Promise<void>;
  /** Removes every file whose key starts with `prefix` (a folder, ending in `/`); resolves with how many. */
  deletePrefix(prefix: string): Promise<number>;
  close(): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** Keys are ours: lower-case ids and folders, no dots, so none can climb out of a folder or name a hidden file. */
const KEY = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/;
const PREFIX = /^(?:[a-z0-9][a-z0-9_-]*\/)+$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.length > 300) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

export function assertPrefix(prefix: string): void {
  if (!PREFIX.test(prefix) || prefix.length > 300) throw new Error(`Not a storage prefix: ${JSON.stringify(prefix)}`);
}

/** Passes bytes through and fails with FileTooLargeError as soon as more than `maxBytes` went by. */
export function sizeCap(maxBytes: number): Transform & { bytes: () => number } {
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new FileTooLargeError(maxBytes));
      else callback(null, chunk);
    },
  });
  return Object.assign(cap, { bytes: () => bytes });
}
