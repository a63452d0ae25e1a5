// `npm test` / `pnpm test`: install if needed, lint and check formatting, typecheck, build the bundles
// the browser tests load, run every package's tests, check the widget's size budget, and print one
// total line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureInstalled, pnpm, root } from './workspace.mjs';

ensureInstalled();

/** A check that fails the run without stopping it: its failure is named in the summary. */
function check(name, command, args) {
  process.stdout.write(`\n── ${name} ──\n`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  process.stdout.write(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status === 0;
}

const bin = (name) => path.join(root, 'node_modules/.bin', name);
// No ESLint cache: type-aware rules (exhaustive switches) depend on other files than the one linted,
// which the cache does not track, so a cached pass could hide a new union member's missing case.
const checks = [
  ['lint', check('lint', bin('eslint'), ['.'])],
  ['format', check('format', bin('prettier'), ['--check', '.'])],
];

pnpm(['-r', 'run', 'typecheck']);
// Always rebuild: the browser tests must load the code under test, not a stale bundle.
ensureBuilt({ force: true });

const packages = ['shared', 'server', 'widget', 'agent-console', 'bench'];
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let anyFailed = false;
// A package can fail with every test green (an unhandled error, a crash): name it in the summary,
// as well as a failed check (lint, format), which counts as one failed test.
const failedSteps = [];
for (const [name, passed] of checks) {
  if (passed) {
    totals.passed += 1;
  } else {
    anyFailed = true;
    totals.failed += 1;
    failedSteps.push(name);
  }
}

for (const pkg of packages) {
  process.stdout.write(`\n── ${pkg} ──\n`);
  const report = path.join(reports, `${pkg}.json`);
  const result = spawnSync(
    path.join(root, pkg, 'node_modules/.bin/vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: path.join(root, pkg), stdio: 'inherit' },
  );
  if (result.status !== 0) {
    anyFailed = true;
    failedSteps.push(pkg);
  }
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  } else {
    anyFailed = true;
    totals.failed += 1;
  }
}

const size = spawnSync(process.execPath, [path.join(root, 'scripts/check-widget-size.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (size.status !== 0) {
  anyFailed = true;
  totals.failed += 1;
} else {
  totals.passed += 1;
}

process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
if (failedSteps.length > 0) {
  process.stdout.write(
    `failed: ${failedSteps.join(', ')} (see its output above: lint or format findings, failed tests or unhandled errors)\n`,
  );
}
process.exit(anyFailed ? 1 : 0);
