#!/usr/bin/env node
// Multi-node Parley without Docker: N server processes against the PostgreSQL and Redis named by
// DATABASE_URL and REDIS_URL, behind a small TCP load balancer on one port. The tests drive it too.
//
//   DATABASE_URL=postgres://… REDIS_URL=redis://… node scripts/cluster.mjs [--nodes 3] [--port 8080] [--source]
//
// --source runs server/src/main.ts through tsx instead of the built server/dist/main.js.
// Prints one JSON line per event on stdout ({"event":"ready","url":…,"nodes":[…]}), and reads
// commands on stdin, one per line: `kill I` (SIGKILL node I), `stop I` (SIGTERM), `start I`.
// Every other variable (PARLEY_*, SMTP_URL, LOG_LEVEL…) is passed on to each node; RATE_LIMITS is
// off unless set (the balancer passes on no client address: every client is 127.0.0.1).
//
// The balancer hands each TCP connection to the next node in turn and skips nodes that refuse:
// right for WebSocket-only clients (the widget and console are), which need no stickiness.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const nodeCount = Number(option('nodes', '3'));
const lbPort = Number(option('port', '8080'));
const fromSource = args.includes('--source');

for (const name of ['DATABASE_URL', 'REDIS_URL']) {
  if (!process.env[name]) {
    process.stderr.write(`cluster: ${name} must be set (several processes share one database and one Redis)\n`);
    process.exit(2);
  }
}

const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

// ---- load balancer -------------------------------------------------------------------------------
const nodes = [];
let next = 0;

function connectToBackend(client, attempt = 0) {
  const live = nodes.filter((n) => n.up);
  if (attempt >= nodes.length || live.length === 0) {
    client.destroy();
    return;
  }
  const node = nodes[next++ % nodes.length];
  if (!node.up) return connectToBackend(client, attempt);
  const backend = net.connect(node.port, '127.0.0.1');
  backend.once('error', () => {
    // refused before any byte went through: try the next node
    if (!backend.bytesWritten) return connectToBackend(client, attempt + 1);
    client.destroy();
  });
  backend.once('connect', () => {
    client.pipe(backend).pipe(client);
    client.resume();
    const end = () => {
      client.destroy();
      backend.destroy();
    };
    client.once('close', end);
    backend.once('close', end);
    client.on('error', end);
    backend.on('error', end);
  });
}

const balancer = net.createServer({ pauseOnConnect: true }, (client) => connectToBackend(client));

// ---- Parley processes ----------------------------------------------------------------------------
const secret = process.env.PARLEY_SECRET ?? crypto.randomBytes(32).toString('hex');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cluster-'));

function startNode(node) {
  // tsx as a loader in this very process (not the tsx CLI, whose child would outlive a SIGKILL)
  const argv = fromSource ? ['--import', 'tsx', 'src/main.ts'] : ['dist/main.js'];
  const child = spawn(process.execPath, argv, {
    cwd: path.join(root, 'server'),
    env: {
      ...process.env,
      PORT: String(node.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${balancer.address().port}`,
      PARLEY_SECRET: secret,
      PARLEY_DATA_DIR: path.join(dataDir, `node-${node.index}`),
      // This TCP balancer passes on no client address: every client reaches the nodes from
      // 127.0.0.1, so per-address limits would count them all as one. Off unless asked for.
      RATE_LIMITS: process.env.RATE_LIMITS ?? 'off',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  node.child = child;
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      if (!node.up && output.includes('Parley is running')) {
        node.up = true;
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      node.up = false;
      say({ event: 'exit', node: node.index, pid: child.pid, code, signal });
      reject(new Error(`node ${node.index} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

const describeNode = (n) => ({ index: n.index, pid: n.child?.pid, url: `http://127.0.0.1:${n.port}`, up: n.up });

async function main() {
  await new Promise((resolve) => balancer.listen(lbPort, '127.0.0.1', resolve));
  for (let index = 0; index < nodeCount; index += 1)
    nodes.push({ index, port: await freePort(), up: false, child: undefined });
  // the first one migrates the database and creates the admin and demo site; then the rest together
  const [first, ...rest] = nodes;
  await startNode(first);
  await Promise.all(rest.map(startNode));
  say({ event: 'ready', url: `http://127.0.0.1:${balancer.address().port}`, nodes: nodes.map(describeNode) });
}

function stopAll() {
  for (const node of nodes) if (node.child && node.child.exitCode === null) node.child.kill('SIGTERM');
  balancer.close();
  const deadline = setTimeout(() => process.exit(0), 15_000);
  deadline.unref();
  Promise.all(
    nodes.map((n) => (n.child && n.child.exitCode === null ? new Promise((r) => n.child.once('exit', r)) : null)),
  ).then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, which] = line.trim().split(/\s+/);
  const node = nodes[Number(which)];
  if (!node) return say({ event: 'error', message: `no node ${which}` });
  if (command === 'kill' || command === 'stop') {
    node.up = false;
    node.child?.kill(command === 'kill' ? 'SIGKILL' : 'SIGTERM');
  } else if (command === 'start') {
    startNode(node).then(
      () => say({ event: 'started', node: describeNode(node) }),
      (error) => say({ event: 'error', message: error.message }),
    );
  }
});
process.stdin.on('end', stopAll);
process.on('SIGTERM', stopAll);
process.on('SIGINT', stopAll);

main().catch((error) => {
  process.stderr.write(`cluster: ${error.stack ?? error}\n`);
  stopAll();
});
