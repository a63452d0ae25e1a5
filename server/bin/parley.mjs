#!/usr/bin/env node
// The `parley` command (docs/cli.md). In a checkout it runs the TypeScript source through tsx, so it
// is never older than the code; in an install without dev dependencies (the Docker image) it runs
// the bundle `pnpm build` wrote beside the server's, dist/cli.js.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const bundle = new URL('../dist/cli.js', import.meta.url);

function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write('parley: the CLI is not built: run `pnpm build` (or install dev dependencies)\n');
  process.exit(1);
}
