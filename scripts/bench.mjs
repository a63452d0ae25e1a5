// `npm run bench` / `pnpm bench`: install if needed, build the server (the bench runs the built
// dist/main.js, as `npm start` does), then run the bench package with the given arguments.
// Not part of `npm test`: it takes minutes and its figures are measurements, not pass/fail tests.
import { spawnSync } from 'node:child_process';
import { ensureInstalled, pnpm } from './workspace.mjs';

ensureInstalled();
pnpm(['--filter', './server', 'run', 'build']);

// 10k idle visitors need 10k sockets in the server and as many in the load generators.
const limit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
if (Number.isFinite(limit) && limit < 12_000) {
  process.stderr.write(
    `warning: ulimit -n is ${limit}; scenario 3 needs about 12000 (raise it with \`ulimit -n 20000\`)\n`,
  );
}

pnpm(['--filter', '@parley/bench', 'run', 'bench', ...process.argv.slice(2)]);
