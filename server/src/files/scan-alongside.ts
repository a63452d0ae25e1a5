/**
 * @module Scans a file while it is being stored: the bytes go to the scanner and to the storage at
 * once (the slower one sets the pace, so nothing piles up in memory). `settle` waits for both and
 * says which outcome counts: a virus found, then a scanner that could not answer, then a storage
 * failure. The caller keeps the file only when both went well.
 */
import { PassThrough, type Readable } from 'node:stream';
import { ScanUnavailableError, type MalwareScanner } from './malware-scanner.ts';

/** The scanner found something; the file is refused and not kept. */
export class MalwareFoundError extends Error {
  constructor(readonly signature: string) {
    super(`Malware found: ${signature}`);
    this.name = 'MalwareFoundError';
  }
}

export interface ScannedBody {
  /** What to store: the same bytes the scanner reads. */
  body: Readable;
  /** Waits for `storing` and the scan; resolves with what was stored only if both succeeded and the file is clean. */
  settle<T>(storing: Promise<T>): Promise<T>;
}

export function scanAlongside(scanner: MalwareScanner, source: Readable): ScannedBody {
  const toScan = new PassThrough();
  const toStore = new PassThrough();
  // each branch's failure reaches the caller through the scan's and the storage's promises
  for (const branch of [toScan, toStore]) branch.on('error', () => undefined);
  source.on('error', (error) => {
    toScan.destroy(error);
    toStore.destroy(error);
  });
  source.pipe(toScan);
  source.pipe(toStore);
  const verdict = scanner.scan(toScan).then(
    (found) => {
      // found before the storage finished: stop storing now
      if (!found.clean) toStore.destroy(new MalwareFoundError(found.signature));
      return found;
    },
    (error: unknown) => {
      // without a verdict nothing is kept, and the storage must not wait for a reader that is gone
      toStore.destroy(error instanceof Error ? error : new ScanUnavailableError(String(error)));
      throw error;
    },
  );
  return {
    body: toStore,
    async settle<T>(storing: Promise<T>): Promise<T> {
      // the storage gave up (too large, disk full): the scan has nothing more to read
      const stored = storing.catch((error: unknown) => {
        source.unpipe(toScan);
        toScan.destroy(error instanceof Error ? error : new Error(String(error)));
        throw error;
      });
      const [kept, scanned] = await Promise.allSettled([stored, verdict]);
      if (scanned.status === 'fulfilled' && !scanned.value.clean) throw new MalwareFoundError(scanned.value.signature);
      if (scanned.status === 'rejected' && scanned.reason instanceof ScanUnavailableError) throw scanned.reason;
      if (kept.status === 'rejected') throw kept.reason;
      if (scanned.status === 'rejected') throw scanned.reason;
      return kept.value;
    },
  };
}
