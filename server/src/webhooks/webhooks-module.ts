/**
 * @module Outbound webhooks' part of the composition root: the outbox (also the way in for targets
 * that are not a site's endpoints, e.g. external bots), the recorder of this process's domain events,
 * the admin's endpoints, and the sender's beat. Ticks run on an interval, or only when asked (tests
 * move a clock and call tick()); they never overlap within a process.
 */
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { WebhookDeliveryRecord } from '../store/webhook-store.ts';
import type { EventHub } from '../domain/events.ts';
import { WebhookOutbox } from '../domain/webhooks/webhook-outbox.ts';
import { WebhookRecorder } from '../domain/webhooks/webhook-recorder.ts';
import { WebhookEndpoints } from '../domain/webhooks/webhook-endpoints.ts';
import type { WebhooksConfig } from './webhooks-config.ts';
import { AddressGuard, type Lookup } from './address-guard.ts';
import { postWebhook } from './webhook-request.ts';
import { WebhookSender, webhookRetryPolicy, type WebhookSendReport } from './webhook-sender.ts';

/** How long delivered and failed deliveries stay listed (docs/webhooks.md). */
export const KEEP_FINISHED_MS = 30 * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export interface WebhooksModule {
  outbox: WebhookOutbox;
  endpoints: WebhookEndpoints;
  /** Throws url_not_allowed for a URL the sender would refuse (the address guard, WEBHOOK_ALLOWED_HOSTS). */
  checkUrl(url: string): Promise<void>;
  /** Calls `listener` after every failed attempt of a delivery in this process; returns the unsubscribe. */
  onFailedAttempt(listener: (delivery: WebhookDeliveryRecord) => void): () => void;
  /** Stores this process's events recorded so far, then sends everything due once. */
  tick(): Promise<WebhookSendReport>;
  start(): void;
  close(): Promise<void>;
}

export function createWebhooksModule(deps: {
  config: WebhooksConfig;
  store: Store;
  events: EventHub;
  now: () => Date;
  logger: Logger;
  /** Tests resolve names their own way; by default the system resolver. */
  lookup?: Lookup;
}): WebhooksModule {
  const { config, store, now, logger } = deps;
  const guard = new AddressGuard(config.allow, deps.lookup);
  const failureListeners = new Set<(delivery: WebhookDeliveryRecord) => void>();
  const outbox = new WebhookOutbox({ store, now });
  const recorder = new WebhookRecorder({
    store,
    outbox,
    onError: (error, event) => logger.error('webhook event not recorded', { type: event.type, error }),
  });
  const unsubscribe = deps.events.subscribe(recorder.onEvent);
  const endpoints = new WebhookEndpoints({
    store,
    outbox,
    now,
    checkUrl: (url) => guard.check(url),
    changed: (siteId) => recorder.forget(siteId),
  });
  const sender = new WebhookSender({
    store,
    now,
    logger,
    policy: webhookRetryPolicy(config.maxAttempts, config.timeoutMs),
    post: (request) => postWebhook({ ...request, guard, timeoutMs: config.timeoutMs }),
    onFailed: (delivery) => {
      for (const listener of failureListeners) listener(delivery);
    },
  });

  let running: Promise<WebhookSendReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let prunedAt = 0;
  const tick = (): Promise<WebhookSendReport> => {
    running ??= (async () => {
      await recorder.settled();
      const report = await sender.sendDue();
      // finished deliveries hold what visitors said: kept a while for the console, then deleted
      const at = now().getTime();
      if (at - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = at;
        await store.webhooks.pruneFinished(new Date(at - KEEP_FINISHED_MS).toISOString());
      }
      return report;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    outbox,
    endpoints,
    checkUrl: (url) => guard.check(url),
    onFailedAttempt(listener) {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
    tick,
    start() {
      if (config.workerIntervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => logger.error('webhook sender tick failed', { error }));
      }, config.workerIntervalMs);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      timer = undefined;
      unsubscribe();
      await recorder.settled();
      await running?.catch(() => undefined);
    },
  };
}
