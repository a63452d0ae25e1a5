/**
 * Security headers by what is served (helmet): the console and the API cannot be framed by any
 * origin and run under a strict CSP with nothing inline; widget.js and its config stay loadable by
 * every host page; the demo page is an ordinary page; nosniff and a referrer policy everywhere;
 * HSTS once PUBLIC_URL is https. And signing in or out from a foreign origin is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { login } from './support/clients.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const get = (url: string) => fetch(url, { redirect: 'manual' });

describe('security headers', () => {
  it('forbids framing the console and inline script or style on it', async () => {
    t = await startTestServer();
    for (const path of ['/console/', '/console/admin/agents', '/api/auth/me', '/healthz']) {
      const res = await get(`${t.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      // plain http: HSTS would lock a dev setup out
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('keeps widget.js, its chunks and its config loadable from any host page', async () => {
    t = await startTestServer();
    for (const path of ['/widget.js', `/api/widget/config/${t.siteKey}`]) {
      const res = await get(`${t.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(res.headers.get('content-security-policy'), path).toBeNull();
      // document-only headers would only add bytes to a visitor's first load; so would a referrer
      // policy, which governs requests a document makes, not a script's or a JSON's own
      expect(res.headers.get('x-dns-prefetch-control'), path).toBeNull();
      expect(res.headers.get('origin-agent-cluster'), path).toBeNull();
      expect(res.headers.get('referrer-policy'), path).toBeNull();
    }
    // a plain <script src> is a no-cors request: a cross-origin-isolated host page needs CORP on widget.js;
    // the config (fetch) and the chunks (module imports) are CORS requests, which CORP never applies to
    expect((await get(`${t.url}/widget.js`)).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const config = await get(`${t.url}/api/widget/config/${t.siteKey}`);
    expect(config.headers.get('cross-origin-resource-policy')).toBeNull();
    // the widget's other endpoints keep both
    const search = await get(`${t.url}/api/widget/${t.siteKey}/help/popular?locale=en`);
    expect(search.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(search.headers.get('referrer-policy')).toBe('no-referrer');
    // the console still gets helmet's document defaults
    expect((await get(`${t.url}/console/`)).headers.get('x-dns-prefetch-control')).toBe('off');
    expect((await get(`${t.url}/widget.js`)).headers.get('access-control-allow-origin')).toBe('*');
    const demo = await get(`${t.url}/`);
    expect(demo.status).toBe(200);
    expect(demo.headers.get('x-frame-options')).toBeNull();
    expect(demo.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends HSTS and upgrades insecure requests once PUBLIC_URL is https', async () => {
    t = await startTestServer({ env: { PUBLIC_URL: 'https://chat.example.com' } });
    const direct = `http://127.0.0.1:${t.server.port}`;
    const console = await get(`${direct}/console/`);
    expect(console.headers.get('strict-transport-security')).toBe('max-age=15552000');
    expect(console.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect((await get(`${direct}/widget.js`)).headers.get('strict-transport-security')).toBe('max-age=15552000');
  });
});

describe('signing in and out from a foreign origin', () => {
  it('refuses both, and leaves the session alone', async () => {
    t = await startTestServer();
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const post = (path: string, origin: string, body?: unknown) =>
      fetch(`${t?.url}${path}`, {
        method: 'POST',
        headers: { cookie, origin, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : null,
      });
    // a sibling origin of the same site: SameSite=Lax alone would let the cookie through
    expect((await post('/api/auth/logout', 'https://evil.example.com')).status).toBe(403);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await post('/api/auth/login', 'https://evil.example.com', ADMIN)).status).toBe(403);

    expect((await post('/api/auth/logout', t.origin)).status).toBe(204);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});
