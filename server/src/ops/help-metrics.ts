/**
 * @module The help center's Prometheus metrics: events as they are recorded by this process (views,
 * searches, votes, suggestions shown, by source; searches that found nothing) and search latency,
 * fed through the HelpObserver the reader calls; and the last day's deflection read from the
 * database at scrape time (at most once a minute: it reads a day of events).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { HelpObserver } from '../domain/help-center/help-reader.ts';

export interface HelpMetricsSources {
  /** Visitors decided over the last 24 hours (help-reports.ts). */
  lastDayDeflection(): Promise<{ deflected: number; chatted: number }>;
  now(): Date;
}

const DEFLECTION_CACHE_MS = 60_000;

export function registerHelpMetrics(registry: Registry, sources: HelpMetricsSources): HelpObserver {
  const registers = [registry];
  const events = new Counter({
    name: 'parley_help_events_total',
    help: 'Help center events recorded: kind (view, search, vote, shown) and source (widget, page, agent).',
    labelNames: ['kind', 'source'],
    registers,
  });
  const emptySearches = new Counter({
    name: 'parley_help_searches_without_result_total',
    help: 'Help center searches that found no article (content gaps).',
    labelNames: ['source'],
    registers,
  });
  const searchDuration = new Histogram({
    name: 'parley_help_search_duration_seconds',
    help: 'Time a help center search takes in the database.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });

  let cached: { at: number; value: Promise<{ deflected: number; chatted: number }> } | undefined;
  const lastDay = () => {
    const now = sources.now().getTime();
    if (!cached || now - cached.at >= DEFLECTION_CACHE_MS) {
      const value = sources.lastDayDeflection();
      cached = { at: now, value };
      // a failed read is not kept: the next scrape asks again
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
  new Gauge({
    name: 'parley_help_deflection_last_day_visitors',
    help: 'Widget visitors shown or opening articles 24.5 to 0.5 hours ago: deflected (no chat within 30 minutes) or chatted.',
    labelNames: ['outcome'],
    registers,
    async collect() {
      try {
        const { deflected, chatted } = await lastDay();
        this.set({ outcome: 'deflected' }, deflected);
        this.set({ outcome: 'chatted' }, chatted);
      } catch {
        // counted by storageErrors; the last values stay
      }
    },
  });

  return {
    recorded(event) {
      events.inc({ kind: event.kind, source: event.source });
      if (event.kind === 'search' && event.resultCount === 0) emptySearches.inc({ source: event.source });
    },
    searched(seconds) {
      searchDuration.observe(seconds);
    },
  };
}
