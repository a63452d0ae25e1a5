/**
 * What goes over the wire, byte for byte, with real HTTP requests (node:http, which does not
 * decompress): built files go out as their precompressed .br or .gz twin by Accept-Encoding, with
 * Vary, the original's type, the variant's own length and ETag, and caching by kind of file; they
 * decompress to the original. Dynamic JSON from 1 KB up is compressed on the fly. The front ends here
 * are small stand-in builds in a temp folder (PARLEY_WIDGET_DIST / PARLEY_CONSOLE_DIST).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { login } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: RawResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body).toString();
  if (encoding === 'gzip') return gunzipSync(res.body).toString();
  if (encoding === undefined) return res.body.toString();
  throw new Error(`unexpected Content-Encoding ${encoding}`);
}

/** A build's file and the twins scripts/precompress.mjs writes beside it. */
function writeBuilt(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, gzipSync(text, { level: 9 }));
}

/** Some kilobytes of script that compress the way code does. */
const script = (name: string) =>
  Array.from({ length: 200 }, (_, i) => `export const ${name}${i} = (x) => x * ${i} + ${JSON.stringify(name)};`).join(
    '\n',
  );

const CHROME = 'gzip, deflate, br, zstd';

describe('compressed responses', () => {
  let t: TestServer;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-compress-'));
  const loader = script('loader');
  const chunk = script('chunk');
  const consoleJs = script('console');
  const indexHtml = `<!doctype html><html><head><script type="module" src="/console/assets/index-Ab12Cd34.js"></script></head><body>${'<p>console</p>'.repeat(100)}</body></html>`;

  beforeAll(async () => {
    writeBuilt(path.join(dist, 'widget/widget.js'), loader);
    writeBuilt(path.join(dist, 'widget/widget/app-Xy12Ab34.js'), chunk);
    // a file too small to be worth compressing: the build writes no twins for it
    fs.writeFileSync(path.join(dist, 'widget/widget/lazy-tiny-Zz12Zz12.js'), 'export const tiny = 1;');
    writeBuilt(path.join(dist, 'console/assets/index-Ab12Cd34.js'), consoleJs);
    writeBuilt(path.join(dist, 'console/index.html'), indexHtml);
    fs.writeFileSync(path.join(dist, 'secret.txt'), 'outside the served folders');
    t = await startTestServer({
      env: { PARLEY_WIDGET_DIST: path.join(dist, 'widget'), PARLEY_CONSOLE_DIST: path.join(dist, 'console') },
    });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends widget.js as brotli to a browser, with its type, length, Vary, CORS and a 5-minute cache', async () => {
    const res = await request(`${t.url}/widget.js`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(fs.statSync(path.join(dist, 'widget/widget.js.br')).size));
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('max-age=300');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // a visitor's first load: nothing it does not need (no ranges on a script of a few KB, no request id)
    expect(res.headers['accept-ranges']).toBeUndefined();
    expect(res.headers['x-request-id']).toBeUndefined();
    expect(decoded(res)).toBe(loader);
    expect(res.body.length).toBeLessThan(loader.length / 3);
  });

  it('picks by Accept-Encoding: q-values first, then brotli over gzip, else the file as it is', async () => {
    const cases: [string | undefined, string | undefined][] = [
      [CHROME, 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      ['deflate', undefined],
      ['br;q=0, gzip;q=0', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await request(`${t.url}/widget.js`, accept === undefined ? {} : { 'accept-encoding': accept });
      expect({ accept, encoding: res.headers['content-encoding'] }).toEqual({ accept, encoding: expected });
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(decoded(res)).toBe(loader);
      expect(res.headers['content-length']).toBe(String(res.body.length));
    }
  });

  it('gives each encoding its own ETag, and revalidates each against its own', async () => {
    const br = await request(`${t.url}/widget.js`, { 'accept-encoding': 'br' });
    const gzip = await request(`${t.url}/widget.js`, { 'accept-encoding': 'gzip' });
    const plain = await request(`${t.url}/widget.js`);
    const etags = [br, gzip, plain].map((res) => res.headers.etag);
    expect(new Set(etags).size).toBe(3);
    const brTag = br.headers.etag ?? '';
    const same = await request(`${t.url}/widget.js`, { 'accept-encoding': 'br', 'if-none-match': brTag });
    expect(same.status).toBe(304);
    expect(same.body.length).toBe(0);
    // the brotli tag does not validate the gzip bytes
    const other = await request(`${t.url}/widget.js`, { 'accept-encoding': 'gzip', 'if-none-match': brTag });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip');
  });

  it('answers HEAD with the length of what GET would send and no body', async () => {
    const res = await request(`${t.url}/widget.js`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-length']).toBe(String(fs.statSync(path.join(dist, 'widget/widget.js.br')).size));
    expect(res.body.length).toBe(0);
  });

  it('caches the content-hashed chunks for a year, immutable; a file with no twins goes out as it is', async () => {
    const app = await request(`${t.url}/widget/app-Xy12Ab34.js`, { 'accept-encoding': CHROME });
    expect(app.headers['content-encoding']).toBe('br');
    expect(app.headers['cache-control']).toBe('max-age=31536000, immutable');
    expect(app.headers['access-control-allow-origin']).toBe('*');
    // a module script is UTF-8 whatever the header says, so no charset
    expect(app.headers['content-type']).toBe('text/javascript');
    expect(app.headers['accept-ranges']).toBeUndefined();
    expect(app.headers['x-request-id']).toBeUndefined();
    expect(decoded(app)).toBe(chunk);
    // a range request gets the whole file
    const ranged = await request(`${t.url}/widget/app-Xy12Ab34.js`, { range: 'bytes=0-3' });
    expect(ranged.status).toBe(200);

    const tiny = await request(`${t.url}/widget/lazy-tiny-Zz12Zz12.js`, { 'accept-encoding': CHROME });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['content-type']).toBe('text/javascript');
    expect(tiny.body.toString()).toBe('export const tiny = 1;');
  });

  it('serves the console: hashed assets immutable, its pages (index.html) compressed and revalidated', async () => {
    const asset = await request(`${t.url}/console/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('max-age=31536000, immutable');
    expect(decoded(asset)).toBe(consoleJs);
    for (const page of ['/console/', '/console/tickets', '/console/index.html']) {
      const res = await request(`${t.url}${page}`, { 'accept-encoding': CHROME });
      expect({ page, status: res.status, encoding: res.headers['content-encoding'] }).toEqual({
        page,
        status: 200,
        encoding: 'br',
      });
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res)).toBe(indexHtml);
    }
  });

  it('never serves a twin by its own name, nor anything outside the built folders', async () => {
    for (const url of [
      '/widget/app-Xy12Ab34.js.br',
      '/widget.js.gz',
      '/widget/..%2f..%2fsecret.txt',
      '/widget/%2e%2e/%2e%2e/secret.txt',
      '/widget/missing-Aa11Bb22.js',
    ]) {
      const res = await request(`${t.url}${url}`, { 'accept-encoding': CHROME });
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).not.toBe('max-age=31536000, immutable');
    }
  });

  it('compresses API JSON from 1 KB up, and leaves small answers alone', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    for (let i = 0; i < 12; i += 1) {
      const body = `Thanks for waiting, we are looking into it now (reply number ${i}). `.repeat(3);
      expect((await admin('POST', '/api/admin/canned-responses', { shortcut: `reply${i}`, body })).status).toBe(201);
    }
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const list = await request(`${t.url}/api/admin/canned-responses`, { cookie, 'accept-encoding': CHROME });
    expect(list.status).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    expect(list.headers.vary).toMatch(/Accept-Encoding/);
    const json = JSON.parse(decoded(list)) as { cannedResponses: unknown[] };
    expect(json.cannedResponses).toHaveLength(12);

    const me = await request(`${t.url}/api/auth/me`, { cookie, 'accept-encoding': CHROME });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(me.body.toString())).toHaveProperty('agent');

    const gzip = await request(`${t.url}/api/admin/canned-responses`, { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gzip))).toEqual(json);
  });
});
