/**
 * @module Drives `scripts/cluster.mjs` (N Parley processes behind its TCP balancer) from a test:
 * the URL of the balancer and of each node, and kill / start of one node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ClusterNode {
  index: number;
  pid: number;
  url: string;
}

export interface Cluster {
  /** The balancer: what a browser would be given. */
  url: string;
  nodes: ClusterNode[];
  /** SIGKILL, and wait until the process is gone. */
  kill(index: number): Promise<void>;
  start(index: number): Promise<ClusterNode>;
  stop(): Promise<void>;
}

type ClusterEvent =
  | { event: 'ready'; url: string; nodes: ClusterNode[] }
  | { event: 'started'; node: ClusterNode }
  | { event: 'exit'; node: number }
  | { event: 'error'; message: string };

export async function startCluster(env: Record<string, string>, nodes = 3): Promise<Cluster> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'scripts/cluster.mjs'), '--nodes', String(nodes), '--port', '0', '--source'],
    {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const waiters: Array<(event: ClusterEvent) => boolean> = [];
  if (!child.stdout) throw new Error('no stdout');
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const event = JSON.parse(line) as ClusterEvent;
    for (const waiter of [...waiters]) if (waiter(event)) waiters.splice(waiters.indexOf(waiter), 1);
  });
  const next = <E extends ClusterEvent>(match: (event: ClusterEvent) => event is E): Promise<E> =>
    new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`cluster exited (${code})`)));
      waiters.push((event) => {
        if (event.event === 'error') {
          reject(new Error(event.message));
          return true;
        }
        if (!match(event)) return false;
        resolve(event);
        return true;
      });
    });
  const ready = await next((e): e is Extract<ClusterEvent, { event: 'ready' }> => e.event === 'ready');
  const cluster: Cluster = {
    url: ready.url,
    nodes: ready.nodes,
    async kill(index) {
      const gone = next((e): e is Extract<ClusterEvent, { event: 'exit' }> => e.event === 'exit' && e.node === index);
      child.stdin?.write(`kill ${index}\n`);
      await gone;
    },
    async start(index) {
      const started = next(
        (e): e is Extract<ClusterEvent, { event: 'started' }> => e.event === 'started' && e.node.index === index,
      );
      child.stdin?.write(`start ${index}\n`);
      const { node } = await started;
      cluster.nodes[index] = node;
      return node;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await exited;
    },
  };
  return cluster;
}
