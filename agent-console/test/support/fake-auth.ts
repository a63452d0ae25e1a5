/**
 * @module A fetch that answers the three /api/auth routes the way the server contract describes, so the
 * real auth-api.ts parses real Response objects in tests.
 */
import type { Agent } from '@parley/shared';
import { AGENT } from './fixtures.ts';

export interface FakeAuthServer {
  fetch: typeof fetch;
  signedIn: boolean;
  readonly requests: Array<{ method: string; path: string; body: unknown }>;
}

export function createFakeAuthServer(
  options: { signedIn?: boolean; agent?: Agent; password?: string } = {},
): FakeAuthServer {
  const agent = options.agent ?? AGENT;
  const password = options.password ?? 'correct horse';
  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const unauthorized = (message: string): Response => json(401, { error: { code: 'unauthorized', message } });

  const server: FakeAuthServer = {
    signedIn: options.signedIn ?? false,
    requests: [],
    fetch: async (input, init) => {
      const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
      server.requests.push({ method, path, body });
      if (method === 'GET' && path === '/api/auth/me') {
        return server.signedIn ? json(200, { agent }) : unauthorized('Not signed in.');
      }
      if (method === 'POST' && path === '/api/auth/login') {
        const matches =
          typeof body === 'object' &&
          body !== null &&
          'email' in body &&
          'password' in body &&
          body.email === agent.email &&
          body.password === password;
        if (!matches) {
          return unauthorized('Wrong email or password.');
        }
        server.signedIn = true;
        return json(200, { agent });
      }
      if (method === 'POST' && path === '/api/auth/logout') {
        server.signedIn = false;
        return new Response(null, { status: 204 });
      }
      return json(404, { error: { code: 'not_found', message: `${method} ${path}` } });
    },
  };
  return server;
}
