/**
 * Two Parley processes on one PostgreSQL database, both running the mail worker at the same time:
 * every outbox entry is claimed by one of them and reaches the SMTP server exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { disconnectAll } from './support/clients.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { leaveOffline } from './support/email.ts';

describe.runIf(postgresAdminUrl)('the outbox shared by two servers', () => {
  let servers: TestServer[] = [];
  let sink: SmtpSink | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    for (const server of servers) await server.close();
    servers = [];
    await sink?.close();
    await database?.drop();
  });

  it('sends every entry exactly once', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, INBOUND_EMAIL_DOMAIN: 'in.parley.test' };
    const a = await startTestServer({ databaseUrl: database.url, env });
    const b = await startTestServer({ databaseUrl: database.url, env });
    servers = [a, b];

    const visitors = 12;
    for (let i = 0; i < visitors; i++) {
      await leaveOffline(i % 2 === 0 ? a : b, { body: `Question ${i}`, email: `visitor${i}@example.com` });
    }
    // One confirmation per ticket and one notice to the one agent (the admin).
    const expected = visitors * 2;
    expect((await a.server.store.outbox.counts()).pending).toBe(expected);

    let sent = 0;
    for (;;) {
      const [fromA, fromB] = await Promise.all([a.server.mailTick(), b.server.mailTick()]);
      sent += fromA.sent + fromB.sent;
      if (fromA.sent + fromB.sent === 0) break;
    }
    expect(sent).toBe(expected);
    expect(sink.mails).toHaveLength(expected);
    expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(expected);
    expect(await b.server.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: expected, failed: 0 });
  });
});
