/**
 * @module The runner's side of the load generators: N child processes (one client process would be
 * the bottleneck long before a server is), each taking a share of the visitors and agents.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Reply } from './protocol.ts';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Worker {
  send<T>(command: Command, timeoutMs?: number): Promise<T>;
}

export interface WorkerPool {
  workers: Worker[];
  all<T>(command: (index: number) => Command, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

export function startWorkers(count: number): WorkerPool {
  const children: ChildProcess[] = [];
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const child = fork(path.join(benchDir, 'src/clients/load-worker.ts'), [], {
      cwd: benchDir,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    let nextId = 0;
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    child.on('message', (message: Reply) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`load worker ${i}: ${message.error}`));
    });
    child.once('exit', (code) => {
      for (const waiting of pending.values()) waiting.reject(new Error(`load worker ${i} exited (${code})`));
      pending.clear();
    });
    workers.push({
      send<T>(command: Command, timeoutMs = 300_000): Promise<T> {
        const id = ++nextId;
        return new Promise<T>((resolve, reject) => {
          const timer = setTimeout(() => {
            pending.delete(id);
            reject(new Error(`load worker ${i}: ${command.type} took over ${timeoutMs} ms`));
          }, timeoutMs);
          pending.set(id, {
            resolve: (value) => {
              clearTimeout(timer);
              resolve(value as T);
            },
            reject: (error) => {
              clearTimeout(timer);
              reject(error);
            },
          });
          child.send({ id, command });
        });
      },
    });
  }
  return {
    workers,
    all: <T>(command: (index: number) => Command, timeoutMs?: number) =>
      Promise.all(workers.map((worker, index) => worker.send<T>(command(index), timeoutMs))),
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** Deals items round-robin into `count` shares. */
export function deal<T>(items: T[], count: number): T[][] {
  const shares: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, index) => shares[index % count]?.push(item));
  return shares;
}
