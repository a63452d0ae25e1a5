/**
 * The HTTP edge: a path with a malformed percent-escape answers 400 "Malformed URL" (not a word
 * about JSON bodies), and the access log names the path as the client asked for it, mount prefix
 * included and query left out.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { disconnectAll, login } from './support/clients.ts';

class Capture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  requests(): Array<Record<string, unknown>> {
    return this.chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');
  }
}

let t: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

describe('malformed URLs', () => {
  it('answer 400 invalid_payload "Malformed URL" under /api, /console and elsewhere', async () => {
    t = await startTestServer();
    for (const path of ['/api/%E0%A4%A', '/api/admin/agents/%', '/console/%', '/widget/%zz', '/%']) {
      const res = await fetch(`${t.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(await res.json()).toEqual({ error: { code: 'invalid_payload', message: 'Malformed URL' } });
    }
  });

  it('leave a bad JSON body answered as such', async () => {
    t = await startTestServer();
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${t.url}/api/admin/sites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_payload', message: 'Request body is not valid JSON' } });
  });
});

describe('the access log', () => {
  it('logs the full path of requests answered inside mounted routers, without the query', async () => {
    const capture = new Capture();
    t = await startTestServer({ logger: createLogger('info', capture) });
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    expect((await fetch(`${t.url}/api/admin/agents?token=SECRET-QUERY`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${t.url}/api/nothing-here?x=SECRET-QUERY`)).status).toBe(404);
    expect((await fetch(`${t.url}/console/`)).status).toBe(200);
    const paths = capture.requests().map((line) => line.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/admin/agents', '/api/nothing-here', '/console/']));
    expect(capture.chunks.join('')).not.toContain('SECRET-QUERY');
  });
});
