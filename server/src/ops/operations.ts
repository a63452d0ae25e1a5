/**
 * @module What operators watch: the Prometheus metrics (read from the store and presence, fed by
 * domain events and storage errors) and the readiness checks behind /readyz (storage, migrations,
 * and Redis when processes share it).
 */
import type { Store } from '../store/store.ts';
import type { EventHub } from '../domain/events.ts';
import type { ScaleOut } from '../scale/scale-out.ts';
import { Metrics } from './metrics.ts';
import { Readiness, storageChecks } from './readiness.ts';
import { registerHelpMetrics } from './help-metrics.ts';
import { HelpReports } from '../domain/help-center/help-reports.ts';
import type { HelpObserver } from '../domain/help-center/help-reader.ts';
// answer bot (issue 22)
import { registerBotMetrics } from './bot-metrics.ts';
import { BotReports } from '../domain/answer-bot/bot-reports.ts';

export interface Operations {
  metrics: Metrics;
  readiness: Readiness;
  /** Feeds the help center's counters (views, searches, votes) and search latency. */
  help: HelpObserver;
  /** Stops counting the store's errors (the store may outlive this server). */
  close(): void;
}

export function createOperations(deps: {
  store: Store;
  scale: ScaleOut;
  events: EventHub;
  now: () => Date;
}): Operations {
  const { store, scale, events } = deps;
  const metrics = new Metrics({
    connectedVisitors: async () => (await scale.visitorPresence.list()).length,
    connectedAgents: async () => (await scale.agentPresence.online()).length,
    waiting: () => store.reports.waiting(),
    outboxBacklog: async () => {
      const counts = await store.outbox.counts();
      return counts.pending + counts.sending;
    },
    now: deps.now,
  });
  const reports = new HelpReports({ store, now: deps.now });
  const help = registerHelpMetrics(metrics.registry, {
    lastDayDeflection: () => reports.lastDayDeflection(),
    now: deps.now,
  });
  const botReports = new BotReports({ store, now: deps.now });
  registerBotMetrics(metrics.registry, { lastDay: () => botReports.lastDay(), now: deps.now });
  const stopCounting = store.onError(() => metrics.storageErrors.inc());
  events.subscribe((event) => metrics.domainEvent(event.type));
  const readiness = new Readiness(storageChecks(store));
  if (scale.mode === 'redis') readiness.add({ name: 'redis', check: () => scale.ready() });
  return { metrics, readiness, help, close: stopCounting };
}
