/**
 * @module `pnpm bench [--smoke] [--only 1,6] [--pairs 300] [--out file.json]`: runs the scenarios, prints the
 * table, writes the JSON (bench/results/latest.json by default; smoke.json with --smoke).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL, SMOKE } from './settings.ts';
import { formatTable, writeReport } from './report.ts';
import { SCENARIOS, runBench, type ScenarioNumber } from './run-bench.ts';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    /** Pairs of scenario 1 (agents follow at 50 pairs each): for a quick before/after of one change. */
    pairs: { type: 'string' },
  },
});

const only = (values.only ?? '1,2,3,4,5,6,7')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n): n is ScenarioNumber => n in SCENARIOS);
const out = values.out ?? path.join(benchDir, 'results', values.smoke ? 'smoke.json' : 'latest.json');

const base = values.smoke ? SMOKE : FULL;
const pairs = values.pairs === undefined ? undefined : Number(values.pairs);
const settings =
  pairs === undefined || !Number.isInteger(pairs) || pairs < 1
    ? base
    : { ...base, sameProcess: { pairs, agents: Math.max(1, Math.ceil(pairs / 50)) } };

const report = await runBench({
  settings,
  only,
  log: (line) => process.stdout.write(`${line}\n`),
});
writeReport(out, report);
process.stdout.write(`\n${formatTable(report.figures)}\n\n`);
process.stdout.write(
  `${report.durationSeconds} s on ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; JSON: ${path.relative(process.cwd(), out)}\n`,
);
process.exit(report.errors.length > 0 ? 1 : 0);
