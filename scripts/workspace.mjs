// Shared steps of the root scripts: find pnpm, install when the lockfile changed, build what is missing.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

/** pnpm on PATH if it is the pinned major, else the pinned version through npx (a fresh machine has only npm). */
function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0]) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * The headers of the Node.js running this script, when its installation ships them (`include/node`
 * beside `bin/`: Debian's /usr, the official tarballs, the npm `node` package): better-sqlite3 then
 * compiles for this very Node with no header download (none is possible offline). Headers of another
 * Node (say Debian's Node 20 in /usr/include under a Node 24) would build an addon that cannot load.
 */
function runningNodeHeaders() {
  const prefix = path.resolve(process.execPath, '../..');
  return fs.existsSync(path.join(prefix, 'include/node/node.h')) ? prefix : undefined;
}

export function pnpm(args, options = {}) {
  const [command, ...prefix] = pnpmCommand();
  const env = { ...process.env, ...options.env };
  // an explicit npm_config_nodedir wins: whoever set it knows which headers they mean
  const headers = runningNodeHeaders();
  if (!env.npm_config_nodedir && headers) env.npm_config_nodedir = headers;
  run(command, [...prefix, ...args], { ...options, env });
}

const stamp = path.join(root, 'node_modules', '.parley-installed');

/** Installs when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const lock = path.join(root, 'pnpm-lock.yaml');
  const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  pnpm(['install', '--frozen-lockfile']);
  fs.writeFileSync(stamp, new Date().toISOString());
}

// a build from before the compressed twins (scripts/precompress.mjs) counts as missing
const outputs = {
  widget: 'widget/dist/widget.js.br',
  'agent-console': 'agent-console/dist/index.html.br',
  server: 'server/dist/main.js',
};

/** Builds each package whose output is missing (all of them when `force`). */
export function ensureBuilt({ force = false } = {}) {
  for (const [dir, output] of Object.entries(outputs)) {
    if (!force && fs.existsSync(path.join(root, output))) continue;
    pnpm(['--filter', `./${dir}`, 'run', 'build']);
  }
}
