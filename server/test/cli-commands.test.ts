/**
 * Every `parley` command, run as the real bin in a child process, against SQLite and PostgreSQL:
 * what it prints, what it changes (seen through a running server: sign-in, sessions), and the exit
 * codes scripts branch on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonOf, runParley } from './support/cli.ts';
import { createTempDatabase, postgresAdminUrl } from './support/postgres.ts';
import { ADMIN, makeDataDir, startTestServer, type TestServer } from './support/test-server.ts';
import { disconnectAll, login } from './support/clients.ts';
import { restAs, signedInRest } from './support/rest.ts';
import { visitorWrites } from './support/workflow.ts';

interface Target {
  /** What the CLI is given: the data dir and, on PostgreSQL, DATABASE_URL. */
  env: Record<string, string>;
  start(): Promise<TestServer>;
  drop(): Promise<void>;
}

const engines: Array<{ engine: 'sqlite' | 'postgres'; target: () => Promise<Target> }> = [
  {
    engine: 'sqlite',
    target: async () => {
      const dataDir = makeDataDir();
      return {
        env: { PARLEY_DATA_DIR: dataDir },
        start: () => startTestServer({ dataDir }),
        drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  ...(postgresAdminUrl
    ? [
        {
          engine: 'postgres' as const,
          target: async (): Promise<Target> => {
            const database = await createTempDatabase(postgresAdminUrl ?? '');
            const dataDir = makeDataDir();
            return {
              env: { PARLEY_DATA_DIR: dataDir, DATABASE_URL: database.url },
              start: () => startTestServer({ dataDir, databaseUrl: database.url }),
              drop: () => database.drop(),
            };
          },
        },
      ]
    : []),
];

interface AgentView {
  id: string;
  email: string;
  role: string;
  active: boolean;
}

describe.each(engines)('parley CLI on $engine', ({ engine, target: makeTarget }) => {
  let target: Target | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await server?.close();
    server = undefined;
    await target?.drop();
    target = undefined;
  });

  it('migrates, creates an admin, resets a password (ending sessions), lists and deactivates agents', async () => {
    target = await makeTarget();
    const { env } = target;
    const migrated = jsonOf<{ engine: string; applied: string[] }>(await runParley(['migrate', '--json'], { env }));
    expect(migrated.engine).toBe(engine);
    expect(migrated.applied).toContain('0001_initial');
    expect(jsonOf<{ applied: string[] }>(await runParley(['migrate', '--json'], { env })).applied).toEqual([]);

    const created = jsonOf<{ agent: AgentView; password: string }>(
      await runParley(['admin', 'create', '--email', 'Ops@Example.com', '--name', 'Ops', '--json'], { env }),
    );
    expect(created.agent).toMatchObject({ email: 'ops@example.com', role: 'admin', active: true });
    expect(created.password).toMatch(/^[0-9a-f]{20}$/);
    const again = await runParley(['admin', 'create', '--email', 'ops@example.com'], { env });
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/ops@example\.com|already|taken|exists/i);
    expect((await runParley(['admin', 'create', '--email', 'not-an-email'], { env })).code).toBe(2);

    // the admin the CLI made signs in to a running server on the same database
    server = await target.start();
    const cookie = await login(server.url, 'ops@example.com', created.password);
    const asOps = restAs(server.url, cookie);
    expect((await asOps('GET', '/api/admin/agents')).status).toBe(200);

    const reset = await runParley(['password', 'reset', 'ops@example.com', '--password-stdin'], {
      env,
      stdin: 'a brand new passphrase\n',
    });
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain('a brand new passphrase');
    expect((await asOps('GET', '/api/admin/agents')).status).toBe(401);
    await expect(login(server.url, 'ops@example.com', created.password)).rejects.toThrow(/401/);
    const asOpsAgain = await signedInRest(server.url, 'ops@example.com', 'a brand new passphrase');
    expect((await asOpsAgain('GET', '/api/admin/agents')).status).toBe(200);
    const short = await runParley(['password', 'reset', 'ops@example.com', '--password-stdin'], {
      env,
      stdin: 'short',
    });
    expect(short.code).toBe(2);
    expect((await runParley(['password', 'reset', 'nobody@example.com'], { env })).code).toBe(3);

    const sam = await server.createAgent({ name: 'Sam' });
    const listed = jsonOf<{ agents: AgentView[] }>(await runParley(['agents', 'list', '--json'], { env }));
    expect(listed.agents.map((a) => a.email)).toEqual(['ops@example.com', sam.email]);
    const table = await runParley(['agents', 'list'], { env });
    expect(table.stdout.split('\n')[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+ACTIVE/);

    // Parley keeps one active admin: the last one cannot be deactivated
    const last = await runParley(['agents', 'deactivate', 'ops@example.com'], { env });
    expect(last.code).toBe(4);
    expect(last.stderr).toContain('at least one active admin');
    const deactivated = jsonOf<{ agent: AgentView }>(
      await runParley(['agents', 'deactivate', sam.id, '--json'], { env }),
    );
    expect(deactivated.agent).toMatchObject({ email: sam.email, active: false });
    await expect(login(server.url, sam.email, sam.password)).rejects.toThrow(/40[13]/);
    expect((await runParley(['agents', 'deactivate', 'nobody@example.com'], { env })).code).toBe(3);
  }, 180_000);

  it("exports a site's visitors, conversations, messages and articles as JSON lines, without secrets", async () => {
    target = await makeTarget();
    const { env } = target;
    server = await target.start();
    const first = await visitorWrites(server, 'hello from one');
    await visitorWrites(server, 'hello from two');
    const demo = await server.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const article = await admin('POST', `/api/admin/sites/${demo.id}/help/articles`, {
      locale: 'en',
      title: 'Refund policy',
      body: 'We refund every order.',
    });
    expect(article.status).toBe(201);

    const streamed = await runParley(['export', 'site', server.siteKey], { env });
    expect(streamed.code).toBe(0);
    const records = streamed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);
    expect(records[0]).toMatchObject({ type: 'site', site: { id: demo.id, siteKey: server.siteKey } });
    expect(records.at(-1)).toEqual({
      type: 'end',
      counts: { visitors: 2, conversations: 2, tickets: 0, messages: 2, helpCategories: 0, articles: 1 },
    });
    const ofType = (type: string) => records.filter((r) => r.type === type);
    expect(
      ofType('message')
        .map((r) => (r.message as { body: string }).body)
        .sort(),
    ).toEqual(['hello from one', 'hello from two']);
    expect(ofType('conversation').map((r) => (r.conversation as { id: string }).id)).toContain(first.conversation.id);
    expect(ofType('article').map((r) => (r.article as { title: string }).title)).toEqual(['Refund policy']);
    expect(streamed.stdout).not.toContain(demo.identitySecret);

    const file = path.join(makeDataDir(), 'demo.jsonl');
    const written = jsonOf<{ file: string; counts: { messages: number } }>(
      await runParley(['export', 'site', demo.id, '--output', file, '--json'], { env }),
    );
    expect(written).toMatchObject({ file, counts: { messages: 2 } });
    expect(fs.readFileSync(file, 'utf8')).toBe(streamed.stdout);
    expect((await runParley(['export', 'site', demo.id, '--output', file], { env })).code).toBe(4);
    expect((await runParley(['export', 'site', 'pk_nosuchsite'], { env })).code).toBe(3);
  }, 180_000);

  it('creates an API token that /api/v1 accepts, limited to the sites given', async () => {
    target = await makeTarget();
    const { env } = target;
    server = await target.start();
    const created = jsonOf<{ token: string; record: { scopes: string[]; siteIds: string[] | null } }>(
      await runParley(
        ['token', 'create', '--name', 'CRM sync', '--scope', 'read', '--site', server.siteKey, '--json'],
        {
          env,
        },
      ),
    );
    const demo = await server.server.store.sites.findDemo();
    expect(created.record).toMatchObject({ scopes: ['read'], siteIds: [demo?.id] });
    const asApi = restAs(server.url, undefined);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await asApi('GET', '/api/v1/agents', undefined, bearer)).status).toBe(200);
    expect((await asApi('GET', '/api/v1/agents', undefined, { authorization: 'Bearer parley_nope' })).status).toBe(401);
    // shown once: only its hash is stored
    expect(JSON.stringify(await server.server.store.apiTokens.list())).not.toContain(created.token);

    const badScope = await runParley(['token', 'create', '--name', 'x', '--scope', 'everything'], { env });
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('--scope');
    const noSite = await runParley(['token', 'create', '--name', 'x', '--scope', 'read', '--site', 'pk_none'], { env });
    expect(noSite.code).toBe(3);
  }, 120_000);

  it(
    engine === 'sqlite'
      ? 'backs up to a verified single file'
      : 'sends backup and restore to pg_dump and pg_restore (exit 5)',
    async () => {
      target = await makeTarget();
      const { env } = target;
      expect((await runParley(['migrate'], { env })).code).toBe(0);
      const file = path.join(makeDataDir(), 'copy.db');
      const backup = await runParley(['backup', file, '--json'], { env });
      if (engine === 'postgres') {
        expect(backup.code).toBe(5);
        expect(backup.stderr).toContain('pg_dump');
        const restore = await runParley(['restore', file], { env });
        expect(restore.code).toBe(5);
        expect(restore.stderr).toContain('pg_restore');
        return;
      }
      expect(jsonOf<{ file: string; bytes: number }>(backup)).toEqual({ file, bytes: fs.statSync(file).size });
      expect(backup.stderr).toContain('100%');
      // one file: nothing beside it that the copy would need
      expect(fs.readdirSync(path.dirname(file))).toEqual(['copy.db']);
      expect((await runParley(['backup', file], { env })).code).toBe(4);
    },
    120_000,
  );
});

describe('parley CLI usage', () => {
  const env = { PARLEY_DATA_DIR: makeDataDir() };
  it('answers --help with every command and the exit codes, and usage errors with 2', async () => {
    const help = await runParley(['--help'], { env });
    expect(help.code).toBe(0);
    for (const command of ['admin', 'password', 'agents', 'migrate', 'token', 'backup', 'restore', 'export']) {
      expect(help.stdout).toContain(command);
    }
    expect(help.stdout).toContain('Exit codes');
    const unknown = await runParley(['bogus'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bogus'");
    expect((await runParley(['agents', 'deactivate'], { env })).code).toBe(2);
    expect((await runParley(['agents', 'list', '--no-such-option'], { env })).code).toBe(2);
    const badConfig = await runParley(['agents', 'list'], { env: { ...env, DATABASE_URL: 'mysql://nope' } });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('DATABASE_URL');
  }, 60_000);
});
