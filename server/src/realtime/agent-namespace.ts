/**
 * @module The /agent namespace: the session cookie signs the agent in at the handshake; a connected
 * agent is online and gets work; events translate into domain calls, each for the agent as stored at
 * that moment (agent-access.ts).
 */
import type { Socket } from 'socket.io';
import { parse as parseCookie } from 'cookie';
import { ErrorCode, SESSION_COOKIE } from '@parley/shared/error-codes';
import { RECENTLY_CLOSED_DAYS, RECENTLY_CLOSED_LIMIT, agentClientEvents } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import type { Conversations } from '../domain/conversations.ts';
import type { MessageFiles } from '../domain/attachments/message-files.ts';
import type { QueueDispatcher } from '../domain/queue-dispatcher.ts';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { Availability } from '../domain/availability.ts';
import type { Handoffs } from '../domain/handoffs.ts';
import type { PrivateNotes } from '../domain/private-notes.ts';
import type { MessageEdits } from '../domain/message-edits.ts';
import { guardHandshake } from './validated-handler.ts';
import { bindAgentHandlers, type AgentSocketData } from './agent-access.ts';
import type { AgentNamespace } from './namespaces.ts';
import { toPublicAgent } from '../http/public-agent.ts';

export const agentRoom = (agentId: string): string => `agent:${agentId}`;
export const ALL_AGENTS_ROOM = 'agents';
/** Every socket opened with one sign-in: signing out closes them all. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

export interface AgentNamespaceDeps {
  store: Store;
  auth: AgentAuth;
  conversations: Conversations;
  /** files-in-chat: messages that carry attachments. */
  messageFiles: MessageFiles;
  dispatcher: QueueDispatcher;
  presence: AgentPresence;
  availability: Availability;
  handoffs: Handoffs;
  notes: PrivateNotes;
  /** Quoted replies, edits and deletes (issue 19). */
  edits: MessageEdits;
  /** Origins a browser may open the console socket from; a request without Origin is not a browser's. */
  consoleOrigins: () => string[];
  logger: Logger;
  now: () => Date;
  /** Receives each running handler call, for graceful shutdown. */
  track?: (work: Promise<void>) => void;
}

export function setUpAgentNamespace(nsp: AgentNamespace, deps: AgentNamespaceDeps): void {
  guardHandshake(nsp, (socket) => authenticate(socket, deps), deps.logger);

  nsp.on('connection', (socket) => {
    // the id never changes; the rest of the agent is looked up again for every event (agent-access.ts)
    const {
      agent: { id: agentId },
      sessionId,
    } = socket.data as AgentSocketData;
    void socket.join([agentRoom(agentId), ALL_AGENTS_ROOM, sessionRoom(sessionId)]);
    const failed = (error: unknown) => deps.logger.error('agent presence update failed', { agentId, error });
    void deps.availability.agentConnected(agentId).then((cameOnline) => {
      if (cameOnline) deps.logger.info('agent online', { agentId });
    }, failed);
    socket.on('disconnect', () => {
      void deps.availability.agentDisconnected(agentId).then((wentOffline) => {
        if (wentOffline) deps.logger.info('agent offline', { agentId });
      }, failed);
    });

    const actor = (agent: AgentRecord) => ({ side: 'agent', agent }) as const;
    bindAgentHandlers(
      socket,
      agentClientEvents,
      {
        'agent:sync': async (_payload, agent) => ({
          agent: toPublicAgent(agent),
          status: await deps.availability.statusOf(agent.id),
          conversations: await deps.store.conversations.listOpenForAgent(agent.id),
          queue: await deps.dispatcher.queue(),
          // so a reload still finds the chats the agent just ended, to read again or reopen
          closed: await deps.store.conversations.listClosedForAgent(
            agent.id,
            new Date(deps.now().getTime() - RECENTLY_CLOSED_DAYS * 86_400_000).toISOString(),
            RECENTLY_CLOSED_LIMIT,
          ),
        }),
        'conversation:history': async ({ conversationId, afterSeq, afterChangeSeq }, agent) => {
          const history = await deps.conversations.historyForAgent(agent, conversationId, afterSeq);
          const held = history.conversation.id;
          const changes = await deps.edits.changesFor(history.conversation, held, afterSeq, afterChangeSeq);
          return { ...history, ...(changes && { changes }) };
        },
        'message:send': async ({ conversationId, clientMessageId, body, attachmentIds, content, replyToId }, agent) => {
          const replyTo =
            replyToId === undefined ? undefined : await deps.edits.quoteForAgent(conversationId, replyToId);
          if (attachmentIds && attachmentIds.length > 0) {
            const input = { clientMessageId, body, attachmentIds, content, replyTo };
            return { message: (await deps.messageFiles.sendFromAgent(agent, conversationId, input)).message };
          }
          const { conversations } = deps;
          const sent = await conversations.sendFromAgent(
            agent,
            conversationId,
            clientMessageId,
            body,
            content,
            replyTo,
          );
          return { message: sent.message };
        },
        'message:seen': async ({ conversationId, seq }, agent) => {
          await deps.conversations.markSeen(actor(agent), conversationId, seq);
          return {};
        },
        'conversation:close': ({ conversationId }, agent) => deps.conversations.close(actor(agent), conversationId),
        'typing:start': ({ conversationId }, agent) => deps.conversations.setTyping(actor(agent), conversationId, true),
        'typing:stop': ({ conversationId }, agent) => deps.conversations.setTyping(actor(agent), conversationId, false),
        'agent:status': async ({ status }, agent) => ({ status: await deps.availability.setStatus(agent.id, status) }),
        'team:list': async () => {
          const connected = new Set(await deps.presence.online());
          const loads = await deps.store.agents.listLoads();
          return {
            agents: loads.map(({ lastAssignedAt: _, ...load }) => ({ ...load, connected: connected.has(load.id) })),
          };
        },
        'conversation:accept': ({ conversationId }, agent) => deps.dispatcher.accept(agent, conversationId),
        'conversation:transfer': ({ conversationId, toAgentId, note }, agent) =>
          deps.handoffs.transfer(agent, conversationId, toAgentId, note),
        'conversation:reopen': ({ conversationId }, agent) => deps.handoffs.reopen(agent, conversationId),
        'note:add': async ({ conversationId, clientNoteId, body }, agent) => ({
          note: await deps.notes.add(agent, conversationId, clientNoteId, body),
        }),
        'message:edit': (edit, agent) => deps.edits.edit(actor(agent), edit),
        'message:delete': (ref, agent) => deps.edits.remove(actor(agent), ref),
        'message:revisions': (ref, agent) => deps.edits.revisions(agent, ref),
      },
      deps,
    );
  });
}

async function authenticate(socket: Socket, deps: AgentNamespaceDeps): Promise<void> {
  const origin = socket.handshake.headers.origin;
  // Cookies ride along on cross-site WebSocket handshakes: refuse pages that are not the console's.
  if (origin && !deps.consoleOrigins().includes(origin)) {
    throw new ParleyError(ErrorCode.Forbidden, 'The console cannot be used from this origin');
  }
  const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
  const agent = await deps.auth.authenticate(token);
  if (!agent || !token) throw new ParleyError(ErrorCode.Unauthorized, 'Sign in first');
  const data: AgentSocketData = { agent, sessionId: deps.auth.sessionIdOf(token) };
  socket.data = data;
}
