/**
 * @module Prometheus metrics for operators (prom-client), one registry per running server so
 * several servers in one process (tests) never mix their numbers. Gauges are read from their
 * sources at scrape time; counters and the latency histogram are fed as things happen.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SocketEventObserver, SocketEventOutcome } from '../realtime/validated-handler.ts';

export interface MetricsSources {
  connectedVisitors(): Promise<number>;
  connectedAgents(): Promise<number>;
  /** Queued conversations and when the longest-waiting one was queued. */
  waiting(): Promise<{ count: number; oldestCreatedAt: string | null }>;
  /** Mails not yet sent (pending or being sent). */
  outboxBacklog(): Promise<number>;
  now(): Date;
}

export class Metrics implements SocketEventObserver {
  readonly registry = new Registry();
  /** Failed database queries (unique violations, which are expected, excluded). */
  readonly storageErrors: Counter;
  /** For the Redis adapter and presence (scale-out): increment on every client error. */
  readonly redisErrors: Counter;
  /** Requests, events and handshakes refused by a rate limit, by the limit's name. */
  readonly rateLimited: Counter<'limit'>;
  readonly #domainEvents: Counter<'type'>;
  readonly #socketEvents: Counter<'namespace' | 'event' | 'outcome'>;
  readonly #handling: Histogram<'namespace' | 'event'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.storageErrors = new Counter({
      name: 'parley_storage_errors_total',
      help: 'Database queries that failed.',
      registers,
    });
    this.redisErrors = new Counter({ name: 'parley_redis_errors_total', help: 'Redis client errors.', registers });
    this.rateLimited = new Counter({
      name: 'parley_rate_limited_total',
      help: 'Requests, socket events and handshakes refused by a rate limit, by limit.',
      labelNames: ['limit'],
      registers,
    });
    this.#domainEvents = new Counter({
      name: 'parley_domain_events_total',
      help: 'Domain events published, by type (rate() gives events per second).',
      labelNames: ['type'],
      registers,
    });
    this.#socketEvents = new Counter({
      name: 'parley_socket_events_total',
      help: 'Socket events received, by namespace, event name and outcome (ok, invalid, error).',
      labelNames: ['namespace', 'event', 'outcome'],
      registers,
    });
    this.#handling = new Histogram({
      name: 'parley_socket_event_duration_seconds',
      help: 'Time from receiving a socket event to its answer.',
      labelNames: ['namespace', 'event'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    // A failing source leaves the last value in place: a scrape must answer even while storage is down.
    const gauge = (name: string, help: string, read: () => Promise<number>) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          try {
            this.set(await read());
          } catch {
            // counted by storageErrors when it is the database
          }
        },
      });
    gauge('parley_connected_visitors', 'Visitors with a connected widget.', () => sources.connectedVisitors());
    gauge('parley_connected_agents', 'Agents with a connected console.', () => sources.connectedAgents());
    gauge('parley_queue_length', 'Conversations waiting for an agent.', async () => (await sources.waiting()).count);
    gauge('parley_queue_longest_wait_seconds', 'How long the longest-waiting conversation has waited.', async () => {
      const { oldestCreatedAt } = await sources.waiting();
      return oldestCreatedAt === null ? 0 : Math.max(0, (sources.now().getTime() - Date.parse(oldestCreatedAt)) / 1000);
    });
    gauge('parley_mail_outbox_backlog', 'Mails in the outbox not yet sent.', () => sources.outboxBacklog());
  }

  domainEvent(type: string): void {
    this.#domainEvents.inc({ type });
  }

  handled(namespace: string, event: string, outcome: SocketEventOutcome, seconds: number): void {
    this.#socketEvents.inc({ namespace, event, outcome });
    this.#handling.observe({ namespace, event }, seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
