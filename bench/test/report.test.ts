import { describe, expect, it } from 'vitest';
import { figure, formatTable, notRun } from '../src/report.ts';
import { percentile } from '../src/percentiles.ts';

describe('figures and verdicts', () => {
  it('judges a ratio target on Parley ÷ baseline', () => {
    const p99 = figure({
      scenario: '1',
      name: 'p99',
      unit: 'ms',
      parley: 3,
      baseline: 2,
      target: { of: 'ratio', op: '<=', limit: 1.5 },
    });
    expect(p99.ratio).toBe(1.5);
    expect(p99.verdict).toBe('PASS');
    const throughput = figure({
      scenario: '1',
      name: 'tput',
      unit: 'msg/s',
      parley: 50,
      baseline: 100,
      target: { of: 'ratio', op: '>=', limit: 0.6 },
    });
    expect(throughput.verdict).toBe('MISS');
  });

  it('judges a value target on Parley alone, and has no verdict without a target', () => {
    expect(
      figure({
        scenario: '3',
        name: 'rss',
        unit: 'MB',
        parley: 310,
        baseline: 90,
        target: { of: 'value', op: '<=', limit: 300 },
      }).verdict,
    ).toBe('MISS');
    expect(
      figure({ scenario: '4', name: 'assign', unit: 'ms', parley: 900, baseline: null, target: null }),
    ).toMatchObject({ ratio: null, verdict: 'INFO' });
  });

  it('reports a scenario that could not run, with why, in the table', () => {
    const figures = notRun(
      '2 cross-process',
      [{ name: 'p99', unit: 'ms', target: { of: 'ratio', op: '<=', limit: 1.3 } }],
      'needs REDIS_URL support',
    );
    expect(figures[0]).toMatchObject({ verdict: 'NOT RUN', parley: null, note: 'needs REDIS_URL support' });
    expect(formatTable(figures)).toContain('NOT RUN (needs REDIS_URL support)');
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});
