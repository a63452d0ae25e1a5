/**
 * @module Open-loop HTTP load: requests start on a fixed schedule whatever the earlier ones are
 * doing (a slow answer does not slow the arrivals, as with real visitors), each timed from its
 * start to its response headers (time to first byte) or to its whole body.
 */
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Milliseconds per request that succeeded. */
  latencies: number[];
  failed: number;
  firstError: string | undefined;
}

export async function openLoop(options: {
  rate: number;
  durationMs: number;
  /** The i-th request's URL. */
  url: (i: number) => string;
  /** 'headers': time to first byte; 'body': until the whole answer is read. */
  until: 'headers' | 'body';
}): Promise<LoadResult> {
  const { rate, durationMs } = options;
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await fetch(options.url(i));
          if (options.until === 'headers') {
            const ttfb = performance.now() - t0;
            await res.arrayBuffer();
            if (res.ok) latencies.push(ttfb);
            else throw new Error(`HTTP ${res.status}`);
          } else {
            await res.arrayBuffer();
            if (res.ok) latencies.push(performance.now() - t0);
            else throw new Error(`HTTP ${res.status}`);
          }
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failed, firstError };
}
