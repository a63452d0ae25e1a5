/**
 * @module Figures, their targets and verdicts, printed as one table and written as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Verdict = 'PASS' | 'MISS' | 'INFO' | 'NOT RUN';

export interface Target {
  /** What the target bounds: Parley ÷ baseline, or Parley's own value. */
  of: 'ratio' | 'value';
  op: '<=' | '>=';
  limit: number;
}

export interface Figure {
  scenario: string;
  name: string;
  unit: string;
  parley: number | null;
  baseline: number | null;
  ratio: number | null;
  target: Target | null;
  verdict: Verdict;
  note?: string;
}

export function figure(input: Omit<Figure, 'ratio' | 'verdict'> & { verdict?: Verdict }): Figure {
  const { parley, baseline, target } = input;
  const ratio = parley !== null && baseline !== null && baseline > 0 ? parley / baseline : null;
  let verdict: Verdict = input.verdict ?? 'INFO';
  if (!input.verdict && target) {
    const value = target.of === 'ratio' ? ratio : parley;
    if (value === null) verdict = 'NOT RUN';
    else verdict = (target.op === '<=' ? value <= target.limit : value >= target.limit) ? 'PASS' : 'MISS';
  }
  return { ...input, ratio, verdict };
}

/** Every figure of a scenario that could not run, with why. */
export function notRun(
  scenario: string,
  names: { name: string; unit: string; target: Target | null }[],
  reason: string,
): Figure[] {
  return names.map(({ name, unit, target }) => ({
    scenario,
    name,
    unit,
    parley: null,
    baseline: null,
    ratio: null,
    target,
    verdict: 'NOT RUN',
    note: reason,
  }));
}

const round = (value: number | null, digits = 2): string => {
  if (value === null) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(digits);
};

const describeTarget = (target: Target | null): string =>
  target === null
    ? '—'
    : `${target.of === 'ratio' ? 'ratio' : 'value'} ${target.op === '<=' ? '≤' : '≥'} ${target.limit}`;

export function formatTable(figures: Figure[]): string {
  const header = ['scenario', 'figure', 'unit', 'parley', 'baseline', 'ratio', 'target', 'verdict'];
  const rows = figures.map((f) => [
    f.scenario,
    f.name,
    f.unit,
    round(f.parley),
    round(f.baseline),
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
    describeTarget(f.target),
    f.verdict + (f.note ? ` (${f.note})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  settings: Record<string, unknown>;
  figures: Figure[];
}

export function writeReport(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}
