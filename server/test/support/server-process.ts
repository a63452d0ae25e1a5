/**
 * @module Runs Parley as a real child process (`tsx src/main.ts`), so a test can SIGKILL it mid-flight
 * or watch it refuse to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
}

function start(env: Record<string, string>): ChildProcess {
  // tsx as a loader of this one process: the tsx CLI would run the server in a child of its own,
  // which a SIGKILL of the CLI leaves running
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const READY = /Agent console:\s+(http:\/\/\S+)\/console\//;

export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = start(env);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve({ url: match[1], child, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
}

export interface ServerExit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs Parley when it is expected to refuse to start: resolves with its exit code and output. Should
 * it start after all, it is stopped at once and the result says so (a banner on stdout, code null).
 */
export function runServerToExit(env: Record<string, string>): Promise<ServerExit> {
  const child = start(env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (READY.test(stdout)) child.kill('SIGKILL');
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
