/**
 * /metrics scraped and parsed after real traffic: connected visitors and agents, the queue and its
 * longest wait, events by name and outcome, handling latency, the outbox backlog and the error
 * counters. /readyz: ready with storage and migrations, not ready with a failing added check or
 * when storage is gone (and, on PostgreSQL, ready again once the database is back).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, SendResult } from '@parley/shared';
import { startTestServer, useTestServer, type TestServer } from './support/test-server.ts';
import { callRaw, call, clientId, connectVisitor, connected, disconnectAll, nextEvent } from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';

/** Prometheus text format → `name{labels}` → value (labels as written, in prom-client's order). */
async function scrape(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\S+?(?:\{.*\})?) (\S+)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`not a sample line: ${line}`);
    samples.set(match[1], Number(match[2]));
  }
  return samples;
}

describe('metrics', () => {
  const t = useTestServer();

  it('change with traffic', async () => {
    const before = await scrape(t.url);
    expect(before.get('parley_connected_visitors')).toBe(0);
    expect(before.get('parley_connected_agents')).toBe(0);
    expect(before.get('parley_queue_length')).toBe(0);
    expect(before.get('parley_queue_longest_wait_seconds')).toBe(0);
    expect(before.get('parley_mail_outbox_backlog')).toBe(0);
    expect(before.get('parley_storage_errors_total')).toBe(0);
    expect(before.get('parley_redis_errors_total')).toBe(0);
    expect(before.has('process_cpu_user_seconds_total')).toBe(true);

    const { socket: visitor } = await visitorWrites(t, 'Is anyone there?');
    const invalid = await callRaw(visitor, 'message:send', { clientMessageId: 'x', body: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const offline = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(offline);
    await call<SendResult>(offline, 'offline:message', {
      clientMessageId: clientId(),
      email: 'ada@example.com',
      body: 'Call me',
    });

    const busy = await scrape(t.url);
    expect(busy.get('parley_connected_visitors')).toBe(2);
    expect(busy.get('parley_queue_length')).toBe(1);
    expect(busy.get('parley_queue_longest_wait_seconds')).toBeGreaterThanOrEqual(0);
    expect(busy.get('parley_mail_outbox_backlog')).toBeGreaterThanOrEqual(1);
    expect(busy.get('parley_socket_events_total{namespace="/visitor",event="message:send",outcome="ok"}')).toBe(1);
    expect(busy.get('parley_socket_events_total{namespace="/visitor",event="message:send",outcome="invalid"}')).toBe(1);
    expect(busy.get('parley_socket_events_total{namespace="/visitor",event="offline:message",outcome="ok"}')).toBe(1);
    expect(busy.get('parley_socket_event_duration_seconds_count{namespace="/visitor",event="message:send"}')).toBe(2);
    expect(
      busy.get('parley_socket_event_duration_seconds_bucket{le="+Inf",namespace="/visitor",event="session:resume"}'),
    ).toBe(1);
    expect(busy.get('parley_domain_events_total{type="message.created"}')).toBe(2);

    // An agent comes online and is handed the waiting chat.
    const taken = nextEvent<Conversation>(visitor, 'conversation:updated', (c) => c.status === 'active');
    await agentOnline(t, 'Ann');
    await taken;
    const served = await scrape(t.url);
    expect(served.get('parley_connected_agents')).toBe(1);
    expect(served.get('parley_queue_length')).toBe(0);
    expect(served.get('parley_domain_events_total{type="conversation.assigned"}')).toBe(1);
    expect(served.get('parley_socket_events_total{namespace="/agent",event="agent:sync",outcome="ok"}')).toBe(1);

    t.server.metrics.redisErrors.inc();
    disconnectAll();
    const after = await scrape(t.url);
    expect(after.get('parley_redis_errors_total')).toBe(1);
  });
});

describe('readiness', () => {
  const t = useTestServer();

  it('is ready with storage and migrations, and not with a failing check or without storage', async () => {
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { storage: 'ok', migrations: 'ok' } });

    let redisUp = false;
    t.server.addReadinessCheck({
      name: 'redis',
      check: () => (redisUp ? Promise.resolve() : Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379'))),
    });
    const noRedis = await fetch(`${t.url}/readyz`);
    expect(noRedis.status).toBe(503);
    const body: unknown = await noRedis.json();
    expect(body).toEqual({
      error: { code: 'unavailable', message: 'Not ready: redis' },
      checks: { storage: 'ok', migrations: 'ok', redis: 'failing' },
    });
    redisUp = true;
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);

    await t.server.store.close();
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: unknown }).checks).toMatchObject({ storage: 'failing' });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(503);
  });
});

describe.runIf(postgresAdminUrl)('readiness on PostgreSQL', () => {
  let database: TempDatabase | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    await database?.drop();
  });

  const admin = async (query: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    try {
      await client.query(query, params);
    } finally {
      await client.end();
    }
  };

  it('is not ready while the database refuses connections, and ready again after', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    server = await startTestServer({ databaseUrl: database.url });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const name = new URL(database.url).pathname.slice(1);
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    const down = await fetch(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: unknown }).checks).toMatchObject({ storage: 'failing' });
    const metrics = await scrape(server.url);
    expect(metrics.get('parley_storage_errors_total')).toBeGreaterThanOrEqual(1);
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
