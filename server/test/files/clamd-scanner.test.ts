/**
 * The clamd client against a real clamd (an EICAR-only database, support/clamd.ts): clean and
 * infected files, a signature split across chunks, a large file streamed, and every way of not
 * getting a verdict (nobody listening, clamd's own size limit, clamd gone mid-file) is a
 * ScanUnavailableError, never a clean verdict. Plus the address and reply parsers on any input.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClamdScanner, verdictOf } from '../../src/files/clamd-scanner.ts';
import { parseClamavAddress } from '../../src/files/clamav-address.ts';
import { ScanUnavailableError } from '../../src/files/malware-scanner.ts';
import { clamdAvailable, EICAR, EICAR_FOUND, startClamd, type OwnClamd } from '../support/clamd.ts';

function* letters(count: number, size: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size, 0x61 + (i % 26));
}

/** `count` chunks of `size` bytes of one letter each, made as they are read. */
const generated = (count: number, size: number): Readable => Readable.from(letters(count, size));

const found = { clean: false, signature: EICAR_FOUND };

describe.runIf(clamdAvailable)('ClamdScanner on a real clamd', () => {
  let clamd: OwnClamd;
  let small: OwnClamd;
  beforeAll(async () => {
    [clamd, small] = await Promise.all([startClamd(), startClamd({ streamMaxBytes: 1024 * 1024 })]);
  });
  afterAll(async () => {
    await Promise.all([clamd.stop(), small.stop()]);
  });
  const scanner = () => new ClamdScanner({ kind: 'unix', path: clamd.socketPath });

  it('says a clean file is clean and names what it found in the EICAR file', async () => {
    expect(await scanner().scan(Readable.from([Buffer.from('just some words\n')]))).toEqual({ clean: true });
    expect(await scanner().scan(Readable.from([EICAR]))).toEqual(found);
    expect(await scanner().scan(Readable.from([]))).toEqual({ clean: true });
  });

  it('finds a signature split across chunks, after 20 MB streamed in small pieces', async () => {
    const head = EICAR.subarray(0, 30);
    const rest = EICAR.subarray(30);
    const body = Readable.from(
      (function* () {
        yield* letters(320, 64 * 1024);
        yield head;
        yield rest;
      })(),
    );
    expect(await scanner().scan(body)).toEqual(found);
    expect(await scanner().scan(generated(320, 64 * 1024))).toEqual({ clean: true });
  });

  it('has no verdict when clamd refuses a file over its StreamMaxLength', async () => {
    const over = new ClamdScanner({ kind: 'unix', path: small.socketPath });
    await expect(over.scan(generated(40, 64 * 1024))).rejects.toBeInstanceOf(ScanUnavailableError);
  });

  it('passes on the failure of the file itself, not as the scanner’s', async () => {
    const broken = new Readable({ read() {} });
    broken.push(Buffer.alloc(1000, 0x61));
    const scanning = scanner().scan(broken);
    broken.destroy(new Error('client went away'));
    await expect(scanning).rejects.toThrow('client went away');
    await expect(scanning).rejects.not.toBeInstanceOf(ScanUnavailableError);
  });
});

describe('ClamdScanner without clamd', () => {
  it('has no verdict when nothing listens on the socket or the port', async () => {
    const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-noclamd-')), 'clamd.sock');
    await expect(
      new ClamdScanner({ kind: 'unix', path: missing }).scan(Readable.from([Buffer.from('x')])),
    ).rejects.toBeInstanceOf(ScanUnavailableError);
    // a port that was free a moment ago: connection refused
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    await expect(
      new ClamdScanner({ kind: 'tcp', host: '127.0.0.1', port }).scan(Readable.from([Buffer.from('x')])),
    ).rejects.toBeInstanceOf(ScanUnavailableError);
  });

  it('has no verdict from a peer that hangs up or talks nonsense', async () => {
    for (const answer of ['', 'PONG\0', 'stream: something ERROR\0', 'OK\0']) {
      const server = net.createServer((socket) => {
        socket.once('data', () => socket.end(answer));
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await expect(
        new ClamdScanner({ kind: 'tcp', host: '127.0.0.1', port }).scan(Readable.from([Buffer.from('x')])),
      ).rejects.toBeInstanceOf(ScanUnavailableError);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('clamd replies and addresses', () => {
  it('reads only OK and FOUND as verdicts', () => {
    expect(verdictOf('stream: OK')).toEqual({ clean: true });
    expect(verdictOf('stream: Eicar-Signature FOUND')).toEqual({ clean: false, signature: 'Eicar-Signature' });
    expect(() => verdictOf('INSTREAM size limit exceeded. ERROR')).toThrow(ScanUnavailableError);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (reply) => {
        try {
          const verdict = verdictOf(reply);
          // only a reply that says OK or FOUND about the stream is a verdict
          expect(reply).toMatch(/^(?:\d+: )?stream: (?:OK|.+ FOUND)$/s);
          if (verdict.clean) expect(reply).toMatch(/OK$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ScanUnavailableError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parses tcp://host:port and absolute socket paths, and explains anything else', () => {
    expect(parseClamavAddress('tcp://127.0.0.1:3310')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 3310 });
    expect(parseClamavAddress('tcp://[::1]:3310')).toEqual({ kind: 'tcp', host: '::1', port: 3310 });
    expect(parseClamavAddress('tcp://clamav:3310/')).toEqual({ kind: 'tcp', host: 'clamav', port: 3310 });
    expect(parseClamavAddress('/run/clamav/clamd.ctl')).toEqual({ kind: 'unix', path: '/run/clamav/clamd.ctl' });
    expect(parseClamavAddress('unix:///run/clamd.sock')).toEqual({ kind: 'unix', path: '/run/clamd.sock' });
    for (const bad of ['127.0.0.1:3310', 'tcp://host', 'tcp://host:0', 'tcp://host:99999', 'clamd.sock', 'http://x:1'])
      expect(parseClamavAddress(bad)).toHaveProperty('error');
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (value) => {
        const parsed = parseClamavAddress(value);
        if ('error' in parsed) expect(parsed.error).toContain('is');
        else if (parsed.kind === 'tcp') expect(parsed.port).toBeGreaterThan(0);
        else expect(parsed.path.startsWith('/') && !parsed.path.includes('\0')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
