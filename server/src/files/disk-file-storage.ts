/**
 * @module File storage on local disk, under PARLEY_DATA_DIR/files: each key is a path made of our own
 * ids. A file is written to a temporary name beside it and renamed into place once complete, so a
 * reader never sees half a file and a crash leaves only a temporary file behind.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  assertKey,
  assertPrefix,
  sizeCap,
  type FileStorage,
  type PutOptions,
  type StoredFile,
} from './file-storage.ts';

const TEMP_SUFFIX = '.partial';

export class DiskFileStorage implements FileStorage {
  readonly kind = 'disk';
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  #path(key: string): string {
    assertKey(key);
    return path.join(this.#root, ...key.split('/'));
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<{ size: number }> {
    const file = this.#path(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}${TEMP_SUFFIX}`;
    const cap = sizeCap(options.maxBytes);
    try {
      await pipeline(body, cap, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      await fsp.rename(temp, file);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    return { size: cap.bytes() };
  }

  async get(key: string): Promise<StoredFile | undefined> {
    const file = this.#path(key);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    // size and bytes from the same open file: a rename replacing it meanwhile cannot mix two versions
    const { size } = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    return { body: handle.createReadStream(), size };
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.#path(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertPrefix(prefix);
    const dir = path.join(this.#root, ...prefix.split('/').filter(Boolean));
    let count: number;
    try {
      const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
      count = entries.filter((entry) => entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    await fsp.rm(dir, { recursive: true, force: true });
    return count;
  }

  async close(): Promise<void> {}
}
