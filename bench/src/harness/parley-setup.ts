/**
 * @module Prepares a running Parley the way an admin would, over its REST API: signs in, reads the
 * demo site's key and allowed origin, adds agents and signs each in for a console session cookie.
 */
import { SESSION_COOKIE, SiteListResponseSchema } from '@parley/shared';
import { BENCH_ADMIN } from './parley.ts';

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `${SESSION_COOKIE}=${cookie}`;
}

export interface DemoSite {
  siteKey: string;
  origin: string;
}

export async function demoSite(url: string, adminCookie: string): Promise<DemoSite> {
  const res = await fetch(`${url}/api/admin/sites`, { headers: { cookie: adminCookie } });
  const { sites } = SiteListResponseSchema.parse(await res.json());
  const demo = sites.find((site) => site.isDemo);
  const origin = demo?.allowedOrigins[0];
  if (!demo || !origin) throw new Error('the demo site is missing');
  return { siteKey: demo.siteKey, origin };
}

export interface BenchAgent {
  key: string;
  email: string;
  cookie: string;
}

/** Adds `count` agents; scrypt makes each sign-in cost ~50 ms, so a few at a time. */
export async function createAgents(
  url: string,
  adminCookie: string,
  count: number,
  capacity: number,
  prefix: string,
): Promise<BenchAgent[]> {
  const password = 'bench agent password';
  const agents: BenchAgent[] = [];
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, (_, j) => i + j);
    agents.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const email = `${prefix}-agent-${n}@example.com`;
          const res = await fetch(`${url}/api/admin/agents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: adminCookie },
            body: JSON.stringify({ name: `Agent ${n}`, email, role: 'agent', capacity, password }),
          });
          if (res.status !== 201) throw new Error(`creating ${email} failed: ${res.status} ${await res.text()}`);
          return { key: `a${n}`, email, cookie: await login(url, email, password) };
        }),
      )),
    );
  }
  return agents;
}

export async function signInAdmin(url: string): Promise<string> {
  return login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
}
