/**
 * @module How big each scenario is: the full run (`pnpm bench`) and a tiny one (`--smoke`, and the
 * package's test) that only proves the harness works end to end.
 */
import type { PhaseTiming } from './scenarios/load-targets.ts';

export interface BenchSettings {
  /** Load-generator processes per system under test. */
  workers: number;
  sameProcess: { pairs: number; agents: number };
  crossProcess: { pairs: number; agents: number };
  idle: { visitors: number };
  assignment: { visitors: number; agents: number; processes: number; queuedVisitors: number };
  throughput: PhaseTiming;
  latency: PhaseTiming;
  /** Closed loop: messages each visitor keeps in flight while throughput is measured. */
  window: number;
  /** Latency is measured at this share of the lower of the two throughputs, the same load for both. */
  latencyLoadShare: number;
  assignTimeoutMs: number;
  /** Scenario 6: the chat's pairs at a fixed rate (msg/s in all), alone and beside uploaders of files of fileBytes. */
  uploads: {
    pairs: number;
    agents: number;
    chatRate: number;
    uploaders: number;
    fileBytes: number;
    maxPerUploader: number;
  };
  /**
   * Scenario 7: published help articles (three locales), searches per second, article pages per second,
   * and searches sent one after another (the cost of one with nothing queued).
   */
  help: { articles: number; searchRate: number; pageRate: number; sequentialSearches: number };
}

export const FULL: BenchSettings = {
  workers: 2,
  sameProcess: { pairs: 1000, agents: 20 },
  crossProcess: { pairs: 200, agents: 4 },
  idle: { visitors: 10_000 },
  assignment: { visitors: 1000, agents: 100, processes: 3, queuedVisitors: 100 },
  throughput: { warmupMs: 2000, measureMs: 6000 },
  latency: { warmupMs: 2000, measureMs: 8000 },
  window: 1,
  latencyLoadShare: 0.4,
  assignTimeoutMs: 60_000,
  uploads: { pairs: 1000, agents: 20, chatRate: 400, uploaders: 20, fileBytes: 10_000_000, maxPerUploader: 10 },
  help: { articles: 10_000, searchRate: 200, pageRate: 50, sequentialSearches: 500 },
};

export const SMOKE: BenchSettings = {
  workers: 1,
  sameProcess: { pairs: 12, agents: 2 },
  crossProcess: { pairs: 6, agents: 2 },
  idle: { visitors: 30 },
  assignment: { visitors: 12, agents: 6, processes: 3, queuedVisitors: 6 },
  throughput: { warmupMs: 200, measureMs: 600 },
  latency: { warmupMs: 200, measureMs: 600 },
  window: 1,
  latencyLoadShare: 0.4,
  assignTimeoutMs: 8_000,
  uploads: { pairs: 12, agents: 2, chatRate: 20, uploaders: 2, fileBytes: 1_000_000, maxPerUploader: 2 },
  help: { articles: 60, searchRate: 20, pageRate: 10, sequentialSearches: 20 },
};
