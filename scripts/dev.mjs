// `pnpm dev`: rebuild the widget and console on change and restart the server on change.
import { spawn } from 'node:child_process';
import { ensureBuilt, ensureInstalled, root } from './workspace.mjs';

ensureInstalled();
ensureBuilt();
const children = [
  spawn('pnpm', ['--filter', './widget', 'exec', 'node', 'build.mjs', '--watch'], { cwd: root, stdio: 'inherit' }),
  spawn('pnpm', ['--filter', './agent-console', 'exec', 'vite', 'build', '--watch'], { cwd: root, stdio: 'inherit' }),
  spawn('pnpm', ['--filter', './server', 'run', 'dev'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
