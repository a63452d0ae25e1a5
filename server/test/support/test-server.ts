/**
 * @module Starts a real Parley on port 0 with a fresh SQLite file (or a PostgreSQL database) for one test.
 */
import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import { startParley, type ParleyServer } from '../../src/app.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { openConfiguredStore } from '../../src/store/sql/open-sql-store.ts';
import { hashPassword } from '../../src/domain/passwords.ts';
import { openSqlStore, type SqlTarget } from '../../src/store/sql/open-sql-store.ts';
import { newId } from '../../src/domain/ids.ts';
import type { AgentRecord } from '../../src/store/agent-store.ts';
import { disconnectAll } from './clients.ts';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

export interface TestServer {
  server: ParleyServer;
  url: string;
  dataDir: string;
  /** The demo site's key; its allowed origin is `origin`. */
  siteKey: string;
  origin: string;
  close(): Promise<void>;
  /** Stops and starts again on the same data and port, as a restart would. */
  restart(): Promise<void>;
  /** The two halves of restart, for tests that act while the server is down. */
  stop(): Promise<void>;
  start(): Promise<void>;
  createAgent(input: {
    name: string;
    capacity?: number;
    password?: string;
  }): Promise<AgentRecord & { password: string }>;
}

/**
 * One real hash per password per test process: passwords are hashed at the production cost, which
 * is slow on purpose, and most tests only need an agent that can sign in.
 */
const hashes = new Map<string, Promise<string>>();
export function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/**
 * The admin the first start would create (bootstrap.ts), stored beforehand with the hash made once
 * per process: each test server would otherwise pay a full-cost hash at start. Bootstrap's own
 * path runs in the tests that start real server processes (cluster, restart-after-kill).
 */
async function seedAdmin(target: SqlTarget, now: Date): Promise<void> {
  const store = await openSqlStore(target);
  try {
    if ((await store.agents.count()) > 0) return;
    await store.agents.create({
      id: newId('agt'),
      email: ADMIN.email,
      name: 'Admin',
      role: 'admin',
      capacity: 3,
      passwordHash: await hashOnce(ADMIN.password),
      createdAt: now.toISOString(),
    });
  } finally {
    await store.close();
  }
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
}

export async function startTestServer(
  options: {
    dataDir?: string;
    databaseUrl?: string;
    now?: () => Date;
    logger?: Logger;
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    // The mail worker runs only when a test calls server.mailTick(): no timers racing the test.
    MAIL_WORKER_INTERVAL_MS: '0',
    // likewise the webhook sender: only server.webhookTick()
    WEBHOOK_WORKER_INTERVAL_MS: '0',
    // Every test client comes from 127.0.0.1, and some tests flood on purpose (30 visitors arriving
    // at once in routing.test.ts, 200 page views in visitor-feedback.test.ts): room for them. The
    // limits' own tests set theirs.
    RATE_LIMIT_CONVERSATIONS_PER_ADDRESS: '200/10m',
    RATE_LIMIT_EVENTS_PER_VISITOR: '500/10s',
    ...options.env,
  };
  const now = options.now ?? (() => new Date());
  // the store is opened here and closed after the server, as main.ts does
  const open = async (config: Config): Promise<ParleyServer> => {
    const logger = options.logger ?? createLogger(config.logLevel);
    const store = await openConfiguredStore(config, logger);
    try {
      return await startParley(config, { store, now, logger });
    } catch (error) {
      await store.close();
      throw error;
    }
  };
  const shutDown = async (running: ParleyServer): Promise<void> => {
    await running.close();
    await running.store.close();
  };
  await seedAdmin(
    options.databaseUrl
      ? { engine: 'postgres', url: options.databaseUrl }
      : { engine: 'sqlite', file: path.join(dataDir, 'parley.db') },
    now(),
  );
  let server = await open(parseConfig(env));
  const demo = await server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site after start');
  const origin = new URL(server.url).origin;
  const handle: TestServer = {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    dataDir,
    siteKey: demo.siteKey,
    origin,
    async close() {
      await shutDown(server);
    },
    async restart() {
      await handle.stop();
      await handle.start();
    },
    async stop() {
      await shutDown(server);
    },
    async start() {
      // A new port means a new origin: keep the one the site allows by asking for the same port.
      server = await open(parseConfig({ ...env, PORT: String(new URL(origin).port) }));
    },
    async createAgent({ name, capacity = 3, password = `pw-${name}-secret` }) {
      const agent = await server.store.agents.create({
        id: newId('agt'),
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
        name,
        role: 'agent',
        capacity,
        passwordHash: await hashOnce(password),
        createdAt: new Date().toISOString(),
      });
      return { ...agent, password };
    },
  };
  return handle;
}

/**
 * A fresh server for each test of the calling file, closed (with every client socket) after it.
 * The returned object always forwards to the current test's server.
 */
export function useTestServer(): TestServer {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await startTestServer();
  });
  afterEach(async () => {
    disconnectAll();
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!current) throw new Error('useTestServer(): the server exists only inside a test');
      return Reflect.get(current, key) as unknown;
    },
  });
}
