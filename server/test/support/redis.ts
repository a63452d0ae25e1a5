/**
 * @module Redis for tests. `.ci/run` installs redis-server and starts one (PARLEY_TEST_REDIS_URL); a
 * multi-process suite starts its own redis-server from the same binary on a free port, so it can
 * restart it mid-traffic and share Pub/Sub channels with nobody. In CI a missing Redis fails the
 * run; locally the Redis suites are left out with a message saying how to run them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export const redisTestUrl = process.env.PARLEY_TEST_REDIS_URL;
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const haveBinary = spawnSync('redis-server', ['--version']).status === 0;

/** Whether the Redis suites run here. */
export const redisAvailable = Boolean(redisTestUrl) && haveBinary;

if (!redisAvailable) {
  if (inCi) throw new Error('CI must provide Redis: install redis-server and set PARLEY_TEST_REDIS_URL (see .ci/run)');
  process.stderr.write(
    'Redis tests not run: install redis-server and set PARLEY_TEST_REDIS_URL=redis://127.0.0.1:<port> to run them.\n',
  );
}

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops Redis (its data is lost, as after a crash without persistence) and starts it again on the same port. */
  restart(): Promise<{ downMs: number }>;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child = await launch(port);
  const stop = async () => {
    // killed by a signal, a process has a signalCode and no exitCode: either means it is gone
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      const start = Date.now();
      await stop();
      child = await launch(port);
      return { downMs: Date.now() - start };
    },
    stop,
  };
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
