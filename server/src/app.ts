/**
 * @module Composition root: from a Config and the store and clock it is given (main.ts and the test
 * server open them), builds presence, operations, the domain services, the HTTP app and Socket.IO,
 * starts listening and the periodic sweeps, and returns a handle to stop it all. Each part is built
 * by its own module; this file only says in which order they start and stop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { Store } from './store/store.ts';
import { EventHub } from './domain/events.ts';
import { bootstrap, type BootstrapResult } from './domain/bootstrap.ts';
import type { SweepReport } from './domain/data-retention.ts';
import type { TickReport } from './mail/mail-worker.ts';
import type { WebhookSendReport } from './webhooks/webhook-sender.ts';
import { createScaleOut } from './scale/scale-out.ts';
import { createOperations } from './ops/operations.ts';
import type { Metrics } from './ops/metrics.ts';
import type { ReadinessCheck } from './ops/readiness.ts';
import { createDomainServices } from './composition/domain-services.ts';
import { startPeriodicSweeps } from './composition/periodic-sweeps.ts';
import { createHttpApp } from './http/http-app.ts';
import { attachRealtime } from './realtime/realtime-server.ts';
import { createLimits } from './limits/create-limits.ts';
import { createFileStorage, createMalwareScanner } from './files/create-file-storage.ts';
import { BackupSchedule, type BackupTick } from './backup/backup-schedule.ts';
import { sqliteFileOf } from './store/sql/open-sql-store.ts';

export interface ParleyServer {
  /** Where the server is reached, e.g. http://localhost:3000 (no trailing slash). */
  url: string;
  port: number;
  /** The store it was given. */
  store: Store;
  bootstrap: BootstrapResult;
  /** One pass of the mail worker now (tests drive it with MAIL_WORKER_INTERVAL_MS=0 and a moved clock). */
  mailTick(): Promise<TickReport>;
  /** Port of the built-in SMTP listener for replies, when INBOUND_SMTP_PORT turned it on. */
  inboundSmtpPort: number | undefined;
  /** One webhook sender pass now (tests drive it with WEBHOOK_WORKER_INTERVAL_MS=0 and a moved clock). */
  webhookTick(): Promise<WebhookSendReport>;
  /** One retention pass now (tests drive it with RETENTION_INTERVAL_MS=0 and a moved clock). */
  retentionSweep(): Promise<SweepReport>;
  metrics: Metrics;
  /** Adds a named check to /readyz (e.g. Redis reachable). */
  addReadinessCheck(check: ReadinessCheck): void;
  /** 'redis' when REDIS_URL joins this process to others. */
  scaleMode: 'single' | 'redis';
  /** Resolves when fan-out across processes works now (always, for a single process). */
  scaleReady(): Promise<void>;
  /** One pass of the absent-agents sweep now (it also runs on a timer). */
  sweepAbsentAgents(): Promise<number>;
  /** answer bot (issue 22): one pass of the handoff-timeout sweep now (it also runs on a timer); how many were handed off. */
  sweepBotTimeouts(): Promise<number>;
  /** One check of the backup schedule now (BACKUP_DIR set); undefined without one. Tests move the clock. */
  backupTick(): Promise<BackupTick | undefined>;
  /**
   * Graceful stop: no new connections, every client sent to reconnect (elsewhere, behind a load
   * balancer), running socket handlers finished, presence released. The store stays open: whoever
   * opened it closes it.
   */
  close(): Promise<void>;
}

/** What the server runs on, opened by its caller. */
export interface ParleyComponents {
  store: Store;
  /** The clock every service reads; tests move it. */
  now: () => Date;
  logger: Logger;
}

export async function startParley(config: Config, { store, now, logger }: ParleyComponents): Promise<ParleyServer> {
  let publicUrl = config.publicUrl ?? '';
  const urls = {
    publicUrl: () => publicUrl,
    consoleOrigins: () => [new URL(publicUrl).origin, ...config.consoleOrigins],
  };
  const events = new EventHub((error, event) => logger.error('event subscriber failed', { type: event.type, error }));
  // Redis errors are counted from the first connection on; the counter exists once the metrics,
  // which read presence, do
  let countRedisError = (): void => undefined;
  const scale = await createScaleOut(config.scale, logger, () => countRedisError());
  const operations = createOperations({ store, scale, events, now });
  const { metrics, readiness } = operations;
  countRedisError = () => metrics.redisErrors.inc();
  const limits = createLimits(config.limits, {
    redis: scale.redis,
    logger,
    onLimited: (limit) => metrics.rateLimited.inc({ limit }),
  });
  const files = createFileStorage(config, logger);
  const scanner = createMalwareScanner(config, logger);
  const services = createDomainServices({
    config,
    store,
    events,
    agentPresence: scale.agentPresence,
    visitorPresence: scale.visitorPresence,
    now,
    logger,
    publicUrl: urls.publicUrl,
    signInBudgets: limits.signIn,
    files,
    scanner,
    helpObserver: operations.help,
  });
  const httpServer = http.createServer(
    createHttpApp({ config, store, services, metrics, readiness, logger, limits, now, ...urls }),
  );
  const realtime = attachRealtime(httpServer, {
    store,
    services,
    events,
    scale,
    observer: metrics,
    limits: limits.sockets,
    logger,
    now,
    consoleOrigins: urls.consoleOrigins,
  });

  const port = await listen(httpServer, config);
  publicUrl ||= localUrl(config.host, port);
  const boot = await bootstrap(store, {
    publicOrigin: new URL(publicUrl).origin,
    adminEmail: config.admin.email,
    adminPassword: config.admin.password,
    now: now(),
  });
  await services.email.start();
  services.webhooks.start();
  await scale.start();
  // scheduled SQLite backups (BACKUP_DIR); the config refuses BACKUP_DIR beside DATABASE_URL
  const backups =
    config.backup && new BackupSchedule({ databaseFile: sqliteFileOf(config), config: config.backup, now, logger });
  backups?.start();
  const sweeps = startPeriodicSweeps({
    config,
    retention: services.retention,
    absentAgents: services.absentAgents,
    botTimeouts: services.answerBot.conversations,
    logger,
  });

  return {
    url: publicUrl,
    port,
    store,
    bootstrap: boot,
    mailTick: () => services.email.worker.tick(),
    webhookTick: async () => {
      // what the bots were handed so far is stored first, as the webhooks' own events are
      await services.answerBot.bot.idle();
      await services.answerBot.external.settled();
      return services.webhooks.tick();
    },
    inboundSmtpPort: services.email.inboundSmtpPort(),
    retentionSweep: sweeps.retentionSweep,
    metrics,
    addReadinessCheck: (check) => readiness.add(check),
    scaleMode: scale.mode,
    scaleReady: () => scale.ready(),
    sweepAbsentAgents: () => services.absentAgents.sweep(),
    sweepBotTimeouts: () => services.answerBot.conversations.sweepTimeouts(),
    backupTick: async () => backups?.tick(),
    async close() {
      sweeps.stop();
      await backups?.stop();
      await realtime.close(config.scale.shutdownTimeoutMs);
      await services.answerBot.close();
      await services.email.close();
      await services.webhooks.close();
      await scale.close();
      operations.close();
      await files.close();
    },
  };
}

function listen(httpServer: http.Server, config: Config): Promise<number> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve((httpServer.address() as AddressInfo).port));
  });
}

/** Where this process is reached when PUBLIC_URL does not say: a wildcard address is reached as localhost. */
function localUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::';
  return `http://${wildcard ? 'localhost' : host}:${port}`;
}
