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

export interface Operations {
  metrics: Metrics;
  readiness: Readiness;
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
  const stopCounting = store.onError(() => metrics.storageErrors.inc());
  events.subscribe((event) => metrics.domainEvent(event.type));
  const readiness = new Readiness(storageChecks(store));
  if (scale.mode === 'redis') readiness.add({ name: 'redis', check: () => scale.ready() });
  return { metrics, readiness, close: stopCounting };
}
