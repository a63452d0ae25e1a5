/**
 * @module AgentChannel over Socket.IO's /agent namespace. Same origin as the console, so the handshake
 * carries the session cookie. Every ack and push is parsed with the shared schemas before the session sees it.
 */
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  AgentSendResultSchema,
  AgentStatusUpdateSchema,
  AgentSyncResultSchema,
  ConversationSchema,
  ConversationSummarySchema,
  EmptySchema,
  ErrorCode,
  HistoryResultSchema,
  MessageChangeResultSchema,
  MessageRevisionsResultSchema,
  MessageSchema,
  NoteAddResultSchema,
  NoteSchema,
  QueueUpdateSchema,
  SeenUpdateSchema,
  TeamListResultSchema,
  TypingUpdateSchema,
  LiveVisitorsSchema,
  VisitorInviteResultSchema,
  VisitorDetailsSchema,
  type AgentClientToServer,
  type AgentServerToClient,
} from '@parley/shared';
import type { AgentPush } from '../state/conversations.ts';
import type { AgentChannel, ChannelStatus, VisitorPush } from './agent-channel.ts';
import { answer, type Parser } from './ack-answer.ts';
import { createSocketTicketChannel } from './socket-ticket-channel.ts';

type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

/** Long enough for a slow store write; after it, a send stays pending and is retried with the same id. */
const ACK_TIMEOUT_MS = 10_000;
/** A refused handshake other than "unauthorized" is not retried by Socket.IO itself. */
const RETRY_REFUSED_HANDSHAKE_MS = 5_000;

export function createSocketChannel(): AgentChannel {
  const socket: AgentSocket = io(AGENT_NAMESPACE, { transports: ['websocket'], autoConnect: false });
  const statusListeners = new Set<(status: ChannelStatus) => void>();
  const pushListeners = new Set<(push: AgentPush) => void>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const status = (value: ChannelStatus): void => statusListeners.forEach((listener) => listener(value));
  const push = (value: AgentPush): void => pushListeners.forEach((listener) => listener(value));
  const visitorListeners = new Set<(push: VisitorPush) => void>();
  const visitorPush = (value: VisitorPush): void => visitorListeners.forEach((listener) => listener(value));

  socket.on('connect', () => status({ kind: 'connected' }));
  socket.on('disconnect', (reason) => {
    status({ kind: 'disconnected' });
    // the server ended this socket (e.g. a redeploy); reconnecting re-checks the session cookie
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (errorCodeOf(error) === ErrorCode.Unauthorized) {
      status({ kind: 'unauthorized' });
      return;
    }
    // rate_limited says when to come back (too many connections from this address)
    if (!socket.active)
      retryTimer = setTimeout(() => socket.connect(), retryAfterOf(error) ?? RETRY_REFUSED_HANDSHAKE_MS);
  });

  const listen =
    <T>(parser: Parser<T>, event: string, deliver: (payload: T) => void) =>
    (raw: unknown) => {
      const parsed = parser.safeParse(raw);
      if (parsed.success) deliver(parsed.data);
      else console.warn(`[parley] ignored malformed ${event}`, parsed.error);
    };
  socket.on(
    'conversation:assigned',
    listen(ConversationSummarySchema, 'conversation:assigned', (payload) =>
      push({ event: 'conversation:assigned', payload }),
    ),
  );
  socket.on(
    'conversation:updated',
    listen(ConversationSchema, 'conversation:updated', (payload) => push({ event: 'conversation:updated', payload })),
  );
  socket.on(
    'queue:updated',
    listen(QueueUpdateSchema, 'queue:updated', (payload) => push({ event: 'queue:updated', payload })),
  );
  socket.on(
    'message:new',
    listen(MessageSchema, 'message:new', (payload) => push({ event: 'message:new', payload })),
  );
  socket.on(
    'message:updated',
    listen(MessageSchema, 'message:updated', (payload) => push({ event: 'message:updated', payload })),
  );
  socket.on(
    'typing:update',
    listen(TypingUpdateSchema, 'typing:update', (payload) => push({ event: 'typing:update', payload })),
  );
  socket.on(
    'message:seen',
    listen(SeenUpdateSchema, 'message:seen', (payload) => push({ event: 'message:seen', payload })),
  );
  socket.on(
    'note:new',
    listen(NoteSchema, 'note:new', (payload) => push({ event: 'note:new', payload })),
  );
  socket.on(
    'agent:status',
    listen(AgentStatusUpdateSchema, 'agent:status', (payload) => push({ event: 'agent:status', payload })),
  );
  socket.on(
    'visitor:updated',
    listen(VisitorDetailsSchema, 'visitor:updated', (payload) => visitorPush({ event: 'visitor:updated', payload })),
  );
  socket.on(
    'visitors:live',
    listen(LiveVisitorsSchema, 'visitors:live', (payload) => visitorPush({ event: 'visitors:live', payload })),
  );

  const withTimeout = () => socket.timeout(ACK_TIMEOUT_MS);

  return {
    get connected() {
      return socket.connected;
    },
    connect: () => socket.connect(),
    disconnect() {
      clearTimeout(retryTimer);
      socket.disconnect();
    },
    sync: () => answer(withTimeout().emitWithAck('agent:sync', {}), AgentSyncResultSchema),
    history: (request) => answer(withTimeout().emitWithAck('conversation:history', request), HistoryResultSchema),
    send: (request) => answer(withTimeout().emitWithAck('message:send', request), AgentSendResultSchema),
    seen: async (request) => {
      await answer(withTimeout().emitWithAck('message:seen', request), EmptySchema);
    },
    close: (request) => answer(withTimeout().emitWithAck('conversation:close', request), ConversationSchema),
    typing: (event, request) => {
      // typing is a hint: dropping it while offline beats delivering it late from Socket.IO's buffer
      if (socket.connected) socket.emit(event, request);
    },
    setStatus: (request) => answer(withTimeout().emitWithAck('agent:status', request), AgentStatusUpdateSchema),
    team: () => answer(withTimeout().emitWithAck('team:list', {}), TeamListResultSchema),
    accept: (request) => answer(withTimeout().emitWithAck('conversation:accept', request), ConversationSummarySchema),
    transfer: (request) => answer(withTimeout().emitWithAck('conversation:transfer', request), ConversationSchema),
    reopen: (request) => answer(withTimeout().emitWithAck('conversation:reopen', request), ConversationSchema),
    addNote: (request) => answer(withTimeout().emitWithAck('note:add', request), NoteAddResultSchema),
    editMessage: (request) => answer(withTimeout().emitWithAck('message:edit', request), MessageChangeResultSchema),
    deleteMessage: (request) => answer(withTimeout().emitWithAck('message:delete', request), MessageChangeResultSchema),
    messageRevisions: (request) =>
      answer(withTimeout().emitWithAck('message:revisions', request), MessageRevisionsResultSchema),
    visitorDetails: (request) => answer(withTimeout().emitWithAck('visitor:details', request), VisitorDetailsSchema),
    liveVisitors: () => answer(withTimeout().emitWithAck('visitors:live', {}), LiveVisitorsSchema),
    inviteVisitor: (request) => answer(withTimeout().emitWithAck('visitor:invite', request), VisitorInviteResultSchema),
    // the same socket: ticket requests and pushes share the connection
    tickets: createSocketTicketChannel(socket, ACK_TIMEOUT_MS),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    onVisitorPush(listener) {
      visitorListeners.add(listener);
      return () => visitorListeners.delete(listener);
    },
  };
}

function errorCodeOf(error: Error): unknown {
  if (!('data' in error)) return undefined;
  const { data } = error;
  return typeof data === 'object' && data !== null && 'code' in data ? data.code : undefined;
}

/** A rate_limited refusal's wait, in milliseconds. */
function retryAfterOf(error: Error): number | undefined {
  if (errorCodeOf(error) !== ErrorCode.RateLimited || !('data' in error)) return undefined;
  const { data } = error;
  const wait = typeof data === 'object' && data !== null && 'retryAfterMs' in data ? data.retryAfterMs : undefined;
  return typeof wait === 'number' && wait >= 0 ? wait : undefined;
}
