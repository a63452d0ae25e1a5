/**
 * @module The file-storage contract: one suite every FileStorage must pass, run per implementation
 * (files/file-storage-contract.test.ts), each factory returning the storage and what cleans it up.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { text, buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FileTooLargeError, type FileStorage } from '../../src/files/file-storage.ts';

export type FileStorageFactory = () => Promise<[FileStorage, () => Promise<void>]>;

/** A body that arrives in several chunks, the way an upload does. */
const chunked = (data: Buffer, size = 16 * 1024): Readable =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    })(),
  );

export function fileStorageContract(create: FileStorageFactory): void {
  let storage: FileStorage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    [storage, cleanup] = await create();
  });
  afterEach(async () => {
    await storage.close();
    await cleanup();
  });

  it('gives back what was put, with its size', async () => {
    const data = randomBytes(200 * 1024 + 17);
    const put = await storage.put('att/conv_1/att_a', chunked(data), { maxBytes: 1024 * 1024 });
    expect(put.size).toBe(data.length);
    const got = await storage.get('att/conv_1/att_a');
    expect(got?.size).toBe(data.length);
    expect(Buffer.compare(await buffer(got?.body ?? Readable.from([])), data)).toBe(0);
  });

  it('keeps an empty file', async () => {
    await storage.put('att/conv_1/empty', Readable.from([]), { maxBytes: 10 });
    const got = await storage.get('att/conv_1/empty');
    expect(got?.size).toBe(0);
    expect(await text(got?.body ?? Readable.from([]))).toBe('');
  });

  it('has nothing under a key never put', async () => {
    expect(await storage.get('att/conv_1/nothing')).toBeUndefined();
  });

  it('refuses a body past its cap and keeps nothing of it', async () => {
    const data = randomBytes(64 * 1024);
    await expect(storage.put('att/conv_1/big', chunked(data, 4096), { maxBytes: 10_000 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(await storage.get('att/conv_1/big')).toBeUndefined();
    expect(await storage.deletePrefix('att/conv_1/')).toBe(0);
  });

  it('takes a body exactly at its cap', async () => {
    const data = randomBytes(10_000);
    expect((await storage.put('att/conv_1/exact', chunked(data, 4096), { maxBytes: 10_000 })).size).toBe(10_000);
  });

  it('fails a put whose body fails, and keeps nothing of it', async () => {
    const failing = new Readable({
      read() {
        this.push(randomBytes(1024));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.put('att/conv_1/broken', failing, { maxBytes: 1024 * 1024 })).rejects.toThrow();
    expect(await storage.get('att/conv_1/broken')).toBeUndefined();
  });

  it('replaces a file put again under the same key', async () => {
    await storage.put('att/conv_1/again', Readable.from([Buffer.from('first')]), { maxBytes: 100 });
    await storage.put('att/conv_1/again', Readable.from([Buffer.from('second one')]), { maxBytes: 100 });
    const got = await storage.get('att/conv_1/again');
    expect(got?.size).toBe(10);
    expect(await text(got?.body ?? Readable.from([]))).toBe('second one');
  });

  it('deletes one file, and deleting it again is fine', async () => {
    await storage.put('att/conv_1/gone', Readable.from([Buffer.from('x')]), { maxBytes: 100 });
    await storage.delete('att/conv_1/gone');
    expect(await storage.get('att/conv_1/gone')).toBeUndefined();
    await storage.delete('att/conv_1/gone');
  });

  it('deletes everything under a prefix and nothing beside it', async () => {
    for (const key of ['att/conv_1/a', 'att/conv_1/a-thumb', 'att/conv_1/b', 'att/conv_10/c', 'att/conv_2/d'])
      await storage.put(key, Readable.from([Buffer.from(key)]), { maxBytes: 100 });
    expect(await storage.deletePrefix('att/conv_1/')).toBe(3);
    expect(await storage.get('att/conv_1/a')).toBeUndefined();
    expect(await storage.get('att/conv_1/b')).toBeUndefined();
    expect(await text((await storage.get('att/conv_10/c'))?.body ?? Readable.from([]))).toBe('att/conv_10/c');
    const other = await storage.get('att/conv_2/d');
    other?.body.destroy();
    expect(other?.size).toBe('att/conv_2/d'.length);
    expect(await storage.deletePrefix('att/conv_1/')).toBe(0);
  });

  it('refuses keys that could leave their folder or were not made by the server', async () => {
    for (const key of ['../secret', 'att/../../etc/passwd', '/abs', 'att/Photo.PNG', 'att//x', '', 'att/x/'])
      await expect(storage.put(key, Readable.from([]), { maxBytes: 10 })).rejects.toThrow(/Not a storage key/);
    await expect(storage.deletePrefix('att')).rejects.toThrow(/Not a storage prefix/);
    await expect(storage.deletePrefix('../')).rejects.toThrow(/Not a storage prefix/);
  });
}
