/**
 * @module Runs the real `parley` bin (server/bin/parley.mjs) as a child process, as an operator's
 * shell would: its exit code, stdout and stderr, with the environment given (PARLEY_DATA_DIR or
 * DATABASE_URL) and optional standard input.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PARLEY_BIN = path.join(serverDir, 'bin/parley.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runParley(args: string[], options: { env: Record<string, string>; stdin?: string }): Promise<CliRun> {
  const child = spawn(process.execPath, [PARLEY_BIN, ...args], {
    cwd: serverDir,
    // nothing of the test runner's environment chooses the database: only what the test gives
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON a `--json` run printed, or a failure that shows what the command said. */
export function jsonOf<T>(run: CliRun): T {
  if (run.code !== 0) throw new Error(`parley exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout) as T;
}
