/**
 * @module Starts the built Parley server (`server/dist/main.js`, as `npm start` runs it) as a process
 * under measurement, on 127.0.0.1 and a free port, with SQLite in a temp dir or a given PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServerProcess, type ServerProcess } from './server-process.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const serverDir = path.join(repoRoot, 'server');
const serverEntry = path.join(serverDir, 'dist/main.js');

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench admin password' };
/** Every process of one multi-process Parley signs visitor tokens with the same secret. */
const SHARED_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface ParleyOptions {
  name: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** Where SQLite lives; a fresh temp dir when not given. */
  dataDir?: string;
}

function assertServerBuilt(): void {
  if (!fs.existsSync(serverEntry)) {
    throw new Error(
      `${serverEntry} is missing: run \`pnpm --filter @parley/server run build\` (pnpm bench does it for you)`,
    );
  }
}

export async function startParley(options: ParleyOptions): Promise<ServerProcess & { dataDir: string }> {
  assertServerBuilt();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_ADMIN_EMAIL: BENCH_ADMIN.email,
    PARLEY_ADMIN_PASSWORD: BENCH_ADMIN.password,
    PARLEY_SECRET: SHARED_SECRET,
    LOG_LEVEL: 'error',
    MAIL_WORKER_INTERVAL_MS: '0',
    NODE_ENV: 'production',
    // thousands of simulated visitors from 127.0.0.1: the load, not the limits, is measured
    RATE_LIMITS: 'off',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  const server = await spawnServerProcess({
    name: options.name,
    args: [serverEntry],
    cwd: serverDir,
    env,
    ready: /Agent console:\s+(http:\/\/\S+)\/console\//,
    timeoutMs: 60_000,
  });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
