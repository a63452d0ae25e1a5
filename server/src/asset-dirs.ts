/**
 * @module Finds the built widget and console: beside the server in the checkout, whether the server
 * runs from src/ (tsx, tests) or from dist/ (the bundle).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticDirs } from './http/static-router.ts';

function workspaceRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function resolveStaticDirs(overrides: {
  widgetDist: string | undefined;
  consoleDist: string | undefined;
}): StaticDirs {
  const root = workspaceRoot();
  return {
    widgetDist: overrides.widgetDist ?? path.join(root, 'widget', 'dist'),
    consoleDist: overrides.consoleDist ?? path.join(root, 'agent-console', 'dist'),
  };
}
