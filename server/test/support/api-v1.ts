/**
 * @module The public API from a test's side: an admin creates a token through the console's REST
 * endpoint, and a caller sends real requests with it as `Authorization: Bearer`.
 */
import type { ApiScope, CreatedApiTokenResponse } from '@parley/shared';
import { signedInRest } from './rest.ts';
import { ADMIN, type TestServer } from './test-server.ts';

export interface ApiResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export type ApiCaller = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResult>;

export async function createApiToken(
  t: TestServer,
  input: { name?: string; scopes: ApiScope[]; siteIds?: string[] | null },
): Promise<CreatedApiTokenResponse> {
  const rest = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const created = await rest('POST', '/api/admin/api-tokens', { name: input.name ?? 'test', ...input });
  if (created.status !== 201) throw new Error(`token not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as CreatedApiTokenResponse;
}

export function apiAs(url: string, token: string | undefined): ApiCaller {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown), headers: res.headers };
  };
}

export async function apiWith(t: TestServer, scopes: ApiScope[], siteIds: string[] | null = null): Promise<ApiCaller> {
  const { token } = await createApiToken(t, { scopes, siteIds });
  return apiAs(t.url, token);
}
