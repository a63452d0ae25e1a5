/**
 * @module Socket.IO on the HTTP server: the /visitor and /agent namespaces with their events, the
 * fan-outs that push domain events to them, and a graceful close that lets running handlers finish.
 * A new set of events or a new fan-out is one line here.
 */
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@parley/shared';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { EventHub } from '../domain/events.ts';
import type { DomainServices } from '../composition/domain-services.ts';
import type { ScaleOut } from '../scale/scale-out.ts';
import type { SocketEventObserver } from './validated-handler.ts';
import { observeSocketEvents } from './validated-handler.ts';
import { InFlight } from './in-flight.ts';
import { agentNamespace, visitorNamespace } from './namespaces.ts';
import { setUpVisitorNamespace } from './visitor-namespace.ts';
import { setUpAgentNamespace } from './agent-namespace.ts';
import { setUpAgentTicketEvents } from './agent-ticket-events.ts';
import { setUpAgentVisitorEvents } from './agent-visitor-events.ts';
import { createFanOut } from './fan-out.ts';
import { createTicketFanOut } from './ticket-fan-out.ts';
import { createVisitorFanOut } from './visitor-fan-out.ts';
import type { SocketLimits } from '../limits/socket-limits.ts';

/** Socket.IO payloads are small JSON: a 5,000-character message fits many times over. */
const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

export interface RealtimeDeps {
  store: Store;
  services: DomainServices;
  events: EventHub;
  scale: ScaleOut;
  /** Hears every handled socket event (the metrics). */
  observer: SocketEventObserver;
  /** Handshakes, connections and events per address and visitor. */
  limits: SocketLimits;
  logger: Logger;
  now: () => Date;
  /** Origins a browser may open the console socket from. */
  consoleOrigins: () => string[];
}

export interface Realtime {
  /**
   * No new connections, every client sent to reconnect (elsewhere, behind a load balancer), and the
   * running socket handlers given up to `timeoutMs` to finish.
   */
  close(timeoutMs: number): Promise<void>;
}

export function attachRealtime(httpServer: http.Server, deps: RealtimeDeps): Realtime {
  const { store, services, events, scale, logger, now } = deps;
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES, serveClient: false });
  scale.attach(io);
  deps.limits.watch(io);
  const inFlight = new InFlight();
  const track = (work: Promise<void>) => inFlight.track(work);
  observeSocketEvents(io, deps.observer);
  // one listener shared by every socket (this is the socket): an idle connection holds no logger of its own
  function disconnected(this: Socket, reason: string): void {
    logger.debug('socket disconnected', { connectionId: this.id, namespace: this.nsp.name, reason });
  }
  for (const name of [VISITOR_NAMESPACE, AGENT_NAMESPACE]) {
    deps.limits.guard(io.of(name));
    io.of(name).on('connection', (socket) => {
      logger.debug('socket connected', { connectionId: socket.id, namespace: name });
      socket.on('disconnect', disconnected);
    });
  }

  const visitors = visitorNamespace(io);
  const agents = agentNamespace(io);
  const { conversations, insight, outreach, availability } = services;
  const presence = scale.agentPresence;
  setUpVisitorNamespace(visitors, {
    store,
    conversations,
    messageFiles: services.attachments.messages,
    profiles: services.profiles,
    feedback: services.feedback,
    tokens: services.tokens,
    tickets: services.email.tickets,
    insight,
    outreach,
    richAnswers: services.richAnswers,
    edits: services.edits,
    bots: services.answerBot.conversations,
    limits: deps.limits,
    logger,
    track,
  });
  setUpAgentNamespace(agents, {
    store,
    auth: services.auth,
    conversations,
    messageFiles: services.attachments.messages,
    dispatcher: services.dispatcher,
    presence,
    availability,
    handoffs: services.handoffs,
    notes: services.notes,
    edits: services.edits,
    consoleOrigins: deps.consoleOrigins,
    logger,
    now,
    track,
  });
  setUpAgentTicketEvents(agents, {
    tickets: services.email.tickets,
    inbox: services.ticketInbox,
    auth: services.auth,
    logger,
    track,
  });
  setUpAgentVisitorEvents(agents, { insight, outreach, auth: services.auth, logger, track });

  const unsubscribes = [
    events.subscribe(createFanOut(visitors, agents)),
    events.subscribe(createTicketFanOut(agents)),
    events.subscribe(createVisitorFanOut(agents, { insight, presence, logger })),
  ];

  return {
    async close(timeoutMs) {
      // the clients are leaving: nothing more to push to them (and the pool is about to close)
      for (const unsubscribe of unsubscribes) unsubscribe();
      // io.close() stops the listener and closes every transport without a disconnect packet:
      // clients reconnect by themselves, through the load balancer to another process.
      const closed = io.close();
      if (!(await inFlight.settled(timeoutMs))) {
        logger.warn('shutting down with socket handlers still running', { running: inFlight.size });
      }
      await closed;
    },
  };
}
