/**
 * @module A clamd client for one command, INSTREAM: the file goes to clamd in length-prefixed chunks
 * as it arrives (never whole in memory), then clamd answers `stream: OK` or `stream: <name> FOUND`.
 * Written here rather than taken from npm: the clients there probe for local binaries and config
 * files and fall back to spawning clamscan, where Parley needs only this one exchange, with
 * backpressure and a clear failure for everything that is not a verdict.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';
import { describeClamavAddress, type ClamavAddress } from './clamav-address.ts';
import { ScanUnavailableError, type MalwareScanner, type ScanVerdict } from './malware-scanner.ts';

/** clamd reads chunks of any size; smaller ones keep each write short. */
const CHUNK_BYTES = 64 * 1024;
/** An answer is one short line; more without a terminator is not clamd. */
const MAX_REPLY_BYTES = 4096;

export interface ClamdTimeouts {
  /** To connect (clamd is local or near: a long wait means it is down). */
  connectMs: number;
  /** From the file's last byte to the verdict (a large archive takes a while). */
  verdictMs: number;
}

const DEFAULT_TIMEOUTS: ClamdTimeouts = { connectMs: 5_000, verdictMs: 60_000 };

export class ClamdScanner implements MalwareScanner {
  readonly description: string;
  readonly #address: ClamavAddress;
  readonly #timeouts: ClamdTimeouts;

  constructor(address: ClamavAddress, timeouts: Partial<ClamdTimeouts> = {}) {
    this.#address = address;
    this.description = `clamd at ${describeClamavAddress(address)}`;
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
  }

  async scan(body: Readable): Promise<ScanVerdict> {
    // the file may fail while we connect: kept here, and reported as the file's failure
    let bodyError: unknown;
    const onBodyError = (error: unknown): void => {
      bodyError ??= error;
    };
    body.on('error', onBodyError);
    try {
      return await this.#scan(body);
    } catch (error) {
      throw bodyError ?? error;
    } finally {
      body.off('error', onBodyError);
    }
  }

  async #scan(body: Readable): Promise<ScanVerdict> {
    const socket = await this.#connect();
    const reply = readReply(socket);
    // clamd may answer before the file ends (a size limit, an error): then stop sending
    let answered = false;
    void reply.then(
      () => (answered = true),
      () => (answered = true),
    );
    try {
      await write(socket, Buffer.from('zINSTREAM\0', 'latin1'));
      for await (const chunk of body as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length && !answered; at += CHUNK_BYTES) {
          const part = chunk.subarray(at, at + CHUNK_BYTES);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(part.length);
          await write(socket, Buffer.concat([length, part]));
        }
        if (answered) break;
      }
      if (!answered) await write(socket, Buffer.alloc(4));
    } catch (error) {
      socket.destroy();
      // the file's own failure is the caller's to report; only the scanner's is "unavailable"
      if (!(error instanceof ScanUnavailableError)) throw error;
      // a write that failed because clamd answered and hung up: the answer says why
      if (!answered) throw error;
    }
    socket.setTimeout(this.#timeouts.verdictMs, () =>
      socket.destroy(new ScanUnavailableError(`${this.description} gave no verdict in time`)),
    );
    try {
      return verdictOf(await reply);
    } finally {
      socket.destroy();
    }
  }

  #connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const target = this.#address;
      const socket =
        target.kind === 'tcp'
          ? net.connect({ host: target.host, port: target.port })
          : net.connect({ path: target.path });
      const timer = setTimeout(
        () => socket.destroy(new Error(`no connection within ${this.#timeouts.connectMs} ms`)),
        this.#timeouts.connectMs,
      );
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new ScanUnavailableError(`${this.description} is unreachable: ${error.message}`, { cause: error }));
      });
    });
  }
}

/** Writes with backpressure; a broken connection is the scanner's failure. */
function write(socket: net.Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) {
      reject(new ScanUnavailableError('clamd closed the connection'));
      return;
    }
    const ok = socket.write(bytes, (error) => {
      if (error) reject(new ScanUnavailableError(`clamd connection failed: ${error.message}`, { cause: error }));
      else if (ok) resolve();
    });
    if (!ok) socket.once('drain', resolve);
  });
}

/** The one NUL-terminated answer of a z-command (or what came before clamd closed the connection). */
function readReply(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (): void => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\0');
      resolve((end === -1 ? text : text.slice(0, end)).trim());
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (chunk.includes(0) || length > MAX_REPLY_BYTES) done();
    });
    socket.once('end', done);
    socket.once('error', (error) =>
      reject(
        error instanceof ScanUnavailableError
          ? error
          : new ScanUnavailableError(`clamd connection failed: ${error.message}`, { cause: error }),
      ),
    );
    socket.once('close', () => reject(new ScanUnavailableError('clamd closed the connection without a verdict')));
  });
}

/** `stream: OK`, `stream: <signature> FOUND`; anything else (`… ERROR`, a size limit) is no verdict. */
export function verdictOf(reply: string): ScanVerdict {
  const about = /^(?:\d+: )?stream: (.*)$/s.exec(reply)?.[1];
  if (about === 'OK') return { clean: true };
  const found = about === undefined ? undefined : /^(.+) FOUND$/s.exec(about)?.[1];
  if (found !== undefined) return { clean: false, signature: found };
  throw new ScanUnavailableError(`clamd did not scan the file: ${JSON.stringify(reply.slice(0, 200))}`);
}
