/**
 * @module Composition root: builds storage, domain, transports and the HTTP server from a Config,
 * starts listening, and returns a handle to stop it all.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServer,
  type AgentServerToClient,
  type AgentTicketServerToClient,
  type AgentVisitorServerToClient,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '@parley/shared';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { openSqlStore } from './store/sql/open-sql-store.ts';
import type { Store } from './store/types.ts';
import { loadOrCreateSecret } from './secret.ts';
import { resolveStaticDirs } from './asset-dirs.ts';
import { EventHub } from './domain/events.ts';
import { Router as QueueRouter } from './domain/routing.ts';
import { Conversations } from './domain/conversations.ts';
import { Availability } from './domain/availability.ts';
import { Handoffs } from './domain/handoffs.ts';
import { PrivateNotes } from './domain/private-notes.ts';
import { VisitorProfiles } from './domain/visitor-profiles.ts';
import { ConversationFeedback } from './domain/conversation-feedback.ts';
import { AgentAuth } from './domain/agent-auth.ts';
import { AgentDirectory } from './domain/agent-directory.ts';
import { SiteAdmin } from './domain/site-admin.ts';
import { CannedResponses } from './domain/canned-responses.ts';
import { VisitorTokens } from './domain/visitor-tokens.ts';
import { bootstrap, type BootstrapResult } from './domain/bootstrap.ts';
import { createScaleOut } from './scale/scale-out.ts';
import { AbsentAgents } from './domain/absent-agents.ts';
import { InFlight } from './realtime/in-flight.ts';
import { VisitorInsight } from './domain/visitor-insight.ts';
import { ProactiveRules } from './domain/proactive-rules.ts';
import { ProactiveOutreach } from './domain/proactive-outreach.ts';
import { setUpAgentVisitorEvents } from './realtime/agent-visitor-events.ts';
import { createVisitorFanOut } from './realtime/visitor-fan-out.ts';
import { setUpVisitorNamespace } from './realtime/visitor-namespace.ts';
import { setUpAgentNamespace } from './realtime/agent-namespace.ts';
import { createFanOut } from './realtime/fan-out.ts';
import { authRouter } from './http/auth-router.ts';
import { widgetRouter } from './http/widget-router.ts';
import { healthRouter } from './http/health-router.ts';
import { consoleApiRouter } from './http/admin-router.ts';
import { staticRouter } from './http/static-router.ts';
import { errorHandler, sendError } from './http/validate.ts';
import { ParleyError } from './errors.ts';
import { ErrorCode } from '@parley/shared/error-codes';
import { createEmailModule } from './mail/email-module.ts';
import type { TickReport } from './mail/mail-worker.ts';
import { TicketInbox } from './domain/ticket-inbox.ts';
import { setUpAgentTicketEvents } from './realtime/agent-ticket-events.ts';
import { createTicketFanOut } from './realtime/ticket-fan-out.ts';
import { observeSocketEvents } from './realtime/validated-handler.ts';
import { Reports } from './domain/reports.ts';
import { DataRetention, type SweepReport } from './domain/data-retention.ts';
import { Metrics } from './ops/metrics.ts';
import { Readiness, storageChecks, type ReadinessCheck } from './ops/readiness.ts';
import { requestLog } from './http/request-log.ts';
import { rejectMalformedUrl } from './http/malformed-url.ts';
import { coalesced } from './domain/coalesced.ts';

export interface ParleyServer {
  /** Where the server is reached, e.g. http://localhost:3000 (no trailing slash). */
  url: string;
  port: number;
  store: Store;
  bootstrap: BootstrapResult;
  /** One pass of the mail worker now (tests drive it with MAIL_WORKER_INTERVAL_MS=0 and a moved clock). */
  mailTick(): Promise<TickReport>;
  /** Port of the built-in SMTP listener for replies, when INBOUND_SMTP_PORT turned it on. */
  inboundSmtpPort: number | undefined;
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
  /**
   * Graceful stop: no new connections, every client sent to reconnect (elsewhere, behind a load
   * balancer), running socket handlers finished, presence released, pools closed.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  now?: () => Date;
}

/** Socket.IO payloads are small JSON: a 5,000-character message fits many times over. */
const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

export async function startParley(config: Config, options: StartOptions = {}): Promise<ParleyServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  // Counted from the first query on; the metrics' other sources exist only once the store is open.
  let countStorageError = (): void => undefined;
  const store = await openSqlStore(
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl }
      : { engine: 'sqlite', file: path.join(config.dataDir, 'parley.db') },
    {
      onIdleConnectionError: (error) => logger.warn('idle database connection lost; the pool reconnects', { error }),
      onStorageError: () => countStorageError(),
    },
  );
  let publicUrl = config.publicUrl ?? '';
  const publicOrigin = () => new URL(publicUrl).origin;

  const events = new EventHub((error, event) => logger.error('event subscriber failed', { type: event.type, error }));
  // Redis errors are counted from the first connection on; the metrics exist only once presence does
  let countRedisError = (): void => undefined;
  const scale = await createScaleOut(config.scale, logger, () => countRedisError());
  const presence = scale.agentPresence;
  const visitorPresence = scale.visitorPresence;
  const metrics = new Metrics({
    connectedVisitors: async () => (await visitorPresence.list()).length,
    connectedAgents: async () => (await presence.online()).length,
    waiting: () => store.reports.waiting(),
    outboxBacklog: async () => {
      const counts = await store.outbox.counts();
      return counts.pending + counts.sending;
    },
    now,
  });
  countStorageError = () => metrics.storageErrors.inc();
  countRedisError = () => metrics.redisErrors.inc();
  events.subscribe((event) => metrics.domainEvent(event.type));
  const readiness = new Readiness(storageChecks(store));
  if (scale.mode === 'redis') readiness.add({ name: 'redis', check: () => scale.ready() });
  const router = new QueueRouter({
    store,
    presence,
    events,
    now,
    onError: (error) => logger.error('queue announcement failed', { error }),
  });
  const auth = new AgentAuth({ store, now, events });
  const email = createEmailModule({
    config: config.email,
    queueMaxWaitSeconds: config.queueMaxWaitSeconds,
    store,
    events,
    router,
    auth,
    now,
    logger,
    publicUrl: () => publicUrl,
  });
  // a visitor writing to their unsolved ticket continues it rather than starting a chat
  const conversations = new Conversations({ store, events, router, tickets: email.tickets, now });
  const availability = new Availability({
    store,
    presence,
    events,
    router,
    onError: (error) => logger.error('availability update failed', { error }),
  });
  const absentAgents = new AbsentAgents({
    store,
    presence,
    events,
    router,
    availability,
    graceSeconds: config.scale.agentRequeueGraceSeconds,
    now,
  });
  const handoffs = new Handoffs({ store, events, router, now });
  const notes = new PrivateNotes({ store, events, now });
  const ticketInbox = new TicketInbox({ store, events, now });
  const feedback = new ConversationFeedback({ store, events, now, mailLimits: email.visitorMailLimits });
  const insight = new VisitorInsight({ store, presence: visitorPresence, events, now });
  const rules = new ProactiveRules({ store, now });
  const outreach = new ProactiveOutreach({ store, presence: visitorPresence, events, now });
  const tokens = new VisitorTokens(loadOrCreateSecret(config.dataDir, config.secret));
  const profiles = new VisitorProfiles({ store, events, tokens, now });
  const directory = new AgentDirectory({ store, events, router, now });
  const siteAdmin = new SiteAdmin({
    store,
    now,
    queue: router,
    defaultQueueMaxWaitSeconds: config.queueMaxWaitSeconds,
  });
  const canned = new CannedResponses({ store, now });
  const reports = new Reports({ store, router, now });
  const retention = new DataRetention({
    store,
    router,
    now,
    retentionDays: config.retention.days,
    mode: config.retention.mode,
  });
  const consoleOrigins = () => [publicOrigin(), ...config.consoleOrigins];

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.use(rejectMalformedUrl);
  app.use(express.json({ limit: '32kb' }));
  app.use(healthRouter({ store, readiness, metrics, logger }));
  app.use(authRouter(auth, { secureCookies: () => publicUrl.startsWith('https:') }));
  app.use(widgetRouter(store, rules));
  for (const emailRouter of email.routers) app.use(emailRouter);
  app.use(
    consoleApiRouter({
      auth,
      directory,
      sites: siteAdmin,
      canned,
      rules,
      reports,
      retention,
      publicUrl: () => publicUrl,
      consoleOrigins,
    }),
  );
  app.use(staticRouter(store, resolveStaticDirs(config), () => publicUrl));
  app.use('/api', (_req, res) => sendError(res, new ParleyError(ErrorCode.NotFound, 'No such endpoint')));
  app.use(errorHandler(logger));

  const httpServer = http.createServer(app);
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES, serveClient: false });
  scale.attach(io);
  const inFlight = new InFlight();
  const track = (work: Promise<void>) => inFlight.track(work);
  observeSocketEvents(io, metrics);
  // one listener shared by every socket (this is the socket): an idle connection holds no logger of its own
  function disconnected(this: Socket, reason: string): void {
    logger.debug('socket disconnected', { connectionId: this.id, namespace: this.nsp.name, reason });
  }
  for (const name of [VISITOR_NAMESPACE, AGENT_NAMESPACE]) {
    io.of(name).on('connection', (socket) => {
      logger.debug('socket connected', { connectionId: socket.id, namespace: name });
      socket.on('disconnect', disconnected);
    });
  }
  // One Server hosts two namespaces with different event maps; each is typed by its own map here.
  const visitorNsp = io.of(VISITOR_NAMESPACE) as Namespace as Namespace<VisitorClientToServer, VisitorServerToClient>;
  const agentNsp = io.of(AGENT_NAMESPACE) as Namespace as Namespace<AgentClientToServer, AgentServerToClient>;
  setUpVisitorNamespace(io.of(VISITOR_NAMESPACE), {
    store,
    conversations,
    profiles,
    feedback,
    tokens,
    tickets: email.tickets,
    insight,
    outreach,
    logger,
    track,
  });
  setUpAgentNamespace(io.of(AGENT_NAMESPACE), {
    store,
    auth,
    conversations,
    router,
    presence,
    availability,
    handoffs,
    notes,
    consoleOrigins,
    logger,
    now,
    track,
  });
  setUpAgentTicketEvents(io.of(AGENT_NAMESPACE), { tickets: email.tickets, inbox: ticketInbox, auth, logger, track });
  setUpAgentVisitorEvents(io.of(AGENT_NAMESPACE), { insight, outreach, auth, logger, track });
  const unsubscribes = [events.subscribe(createFanOut(visitorNsp, agentNsp))];
  unsubscribes.push(
    events.subscribe(
      createTicketFanOut(
        io.of(AGENT_NAMESPACE) as Namespace as Namespace<AgentClientToServer, AgentTicketServerToClient>,
      ),
    ),
  );

  unsubscribes.push(
    events.subscribe(
      createVisitorFanOut(
        io.of(AGENT_NAMESPACE) as Namespace as Namespace<AgentClientToServer, AgentVisitorServerToClient>,
        {
          insight,
          presence,
          logger,
        },
      ),
    ),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  if (!publicUrl) {
    const wildcard = config.host === '0.0.0.0' || config.host === '::';
    publicUrl = `http://${wildcard ? 'localhost' : config.host}:${port}`;
  }

  const boot = await bootstrap(store, {
    publicOrigin: publicOrigin(),
    adminEmail: config.admin.email,
    adminPassword: config.admin.password,
    now: now(),
  });
  await email.start();
  // one sweep at a time: a slow pass is joined, not run twice over the same rows
  let sweeping: Promise<SweepReport> | undefined;
  const retentionSweep = (): Promise<SweepReport> => {
    sweeping ??= retention
      .sweep()
      .then((report) => {
        if (report.conversations > 0 || report.visitors > 0) logger.info('retention sweep', { ...report });
        return report;
      })
      .finally(() => (sweeping = undefined));
    return sweeping;
  };
  const retentionTimer =
    config.retention.days > 0 && config.retention.intervalMs > 0
      ? setInterval(
          () => void retentionSweep().catch((error: unknown) => logger.error('retention sweep failed', { error })),
          config.retention.intervalMs,
        )
      : undefined;
  retentionTimer?.unref();
  await scale.start();
  // Every process sweeps as often as it renews its lease: a dead process's agents are seen offline
  // within the TTL plus one sweep, and their chats wait out the grace period from then.
  const sweepEveryMs = Math.max(250, (config.scale.presenceTtlSeconds * 1000) / 3);
  const sweep = coalesced(async () => {
    await absentAgents.sweep();
  });
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn('absent-agents sweep failed', { error }));
  }, sweepEveryMs);
  sweeper.unref();

  return {
    url: publicUrl,
    port,
    store,
    bootstrap: boot,
    mailTick: () => email.worker.tick(),
    inboundSmtpPort: email.inboundSmtpPort(),
    retentionSweep,
    metrics,
    addReadinessCheck: (check) => readiness.add(check),
    scaleMode: scale.mode,
    scaleReady: () => scale.ready(),
    sweepAbsentAgents: () => absentAgents.sweep(),
    async close() {
      clearInterval(sweeper);
      clearInterval(retentionTimer);
      // the clients are leaving: nothing more to push to them (and the pool is about to close)
      for (const unsubscribe of unsubscribes) unsubscribe();
      // io.close() stops the listener and closes every transport without a disconnect packet:
      // clients reconnect by themselves, through the load balancer to another process.
      const closed = io.close();
      if (!(await inFlight.settled(config.scale.shutdownTimeoutMs))) {
        logger.warn('shutting down with socket handlers still running', { running: inFlight.size });
      }
      await closed;
      await email.close();
      await scale.close();
      await store.close();
    },
  };
}
