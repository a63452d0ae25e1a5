/**
 * @module Runs the chosen scenarios in order and collects their figures; a scenario that fails is
 * reported as NOT RUN with its error rather than stopping the others.
 */
import os from 'node:os';
import { sameProcessDelivery, crossProcessDelivery } from './scenarios/delivery.ts';
import { idleMemory } from './scenarios/idle-memory.ts';
import { assignment } from './scenarios/assignment.ts';
import { pubsubMode } from './scenarios/pubsub-mode.ts';
import { uploadsDuringChat } from './scenarios/uploads-during-chat.ts';
import { helpSearch } from './scenarios/help-search.ts';
import type { BenchSettings } from './settings.ts';
import type { BenchReport, Figure } from './report.ts';

export const SCENARIOS = {
  1: sameProcessDelivery,
  2: crossProcessDelivery,
  3: idleMemory,
  4: assignment,
  5: pubsubMode,
  6: uploadsDuringChat,
  7: helpSearch,
} as const;

export type ScenarioNumber = keyof typeof SCENARIOS;

export interface RunOptions {
  settings: BenchSettings;
  only: ScenarioNumber[];
  log: (line: string) => void;
}

export async function runBench({ settings, only, log }: RunOptions): Promise<BenchReport & { errors: string[] }> {
  const started = Date.now();
  const figures: Figure[] = [];
  const errors: string[] = [];
  for (const n of only) {
    const t0 = Date.now();
    try {
      figures.push(...(await SCENARIOS[n](settings, log)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`scenario ${n}: ${message}`);
      log(`scenario ${n} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      figures.push({
        scenario: String(n),
        name: 'all figures',
        unit: '',
        parley: null,
        baseline: null,
        ratio: null,
        target: null,
        verdict: 'NOT RUN',
        note: `error: ${message.split('\n')[0]}`,
      });
    }
    log(`  scenario ${n} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const cpus = os.cpus();
  return {
    startedAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    settings: { ...settings },
    figures,
    errors,
  };
}
