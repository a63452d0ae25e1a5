/**
 * @module A server process under measurement: started with the stats hook preloaded and an IPC
 * channel, ready once its stdout says where it listens, asked for CPU and memory, and stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const statsHook = pathToFileURL(path.join(here, 'stats-hook.mjs')).href;

export interface ProcessStats {
  cpuMicros: number;
  rss: number;
  heapUsed: number;
}

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  stats(options?: { gc?: boolean }): Promise<ProcessStats>;
  /** Starts a V8 CPU profile; `stopProfile` writes it to `file` (a .cpuprofile for Chrome DevTools). */
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** Script and arguments after the node flags. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Extra node flags, e.g. `--import tsx` for a TypeScript entry. */
  nodeFlags?: string[];
  /** Matches the line that announces readiness; group 1 is the URL. */
  ready: RegExp;
  timeoutMs?: number;
}

export function spawnServerProcess(options: SpawnOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', statsHook, ...(options.nodeFlags ?? []), ...options.args],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} was not ready within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = options.ready.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining the pipes: a full pipe would block the server's writes.
      child.stdout?.resume();
      resolve(handle(options.name, url, child, exited));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 20_000) output = output.slice(-10_000);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

function handle(name: string, url: string, child: ChildProcess, exited: Promise<void>): ServerProcess {
  let nextId = 0;
  const pid = child.pid ?? -1;
  const ask = (request: Record<string, unknown>, type: string): Promise<unknown> => {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not answer ${type}`)), 30_000);
      const onMessage = (message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const reply = message as { type?: unknown; id?: unknown };
        if (reply.type !== type || reply.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ ...request, type, id });
    });
  };
  return {
    name,
    url,
    pid,
    async startProfile() {
      await ask({ action: 'start' }, 'bench:profile');
    },
    async stopProfile(file) {
      await ask({ action: 'stop', file }, 'bench:profile');
    },
    async stats({ gc = false } = {}) {
      const message = await ask({ gc }, 'bench:stats');
      if (!isStats(message)) throw new Error(`${name} answered stats with ${JSON.stringify(message)}`);
      return { cpuMicros: message.cpuMicros, rss: message.rss, heapUsed: message.heapUsed };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

function isStats(message: unknown): message is ProcessStats & { type: 'bench:stats'; id: number } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'bench:stats';
}
