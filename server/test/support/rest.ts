/**
 * @module A signed-in REST caller for tests: real fetch against the test server with the session
 * cookie, returning status and parsed JSON.
 */
import { login } from './clients.ts';

export interface RestResult {
  status: number;
  body: unknown;
}

export type Rest = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<RestResult>;

export function restAs(url: string, cookie: string | undefined): Rest {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
}

export async function signedInRest(url: string, email: string, password: string): Promise<Rest> {
  return restAs(url, await login(url, email, password));
}
