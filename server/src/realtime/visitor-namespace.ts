/**
 * @module The /visitor namespace: checks the site key and page origin at the handshake, gives the
 * visitor an identity, and translates the widget's events into domain calls.
 */
import type { Namespace, Socket } from 'socket.io';
import { ErrorCode } from '@parley/shared/error-codes';
import { VisitorHandshakeSchema, describeIssues, summarizeIssues, visitorClientEvents } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';
import type { Conversations, VisitorRef } from '../domain/conversations.ts';
import type { VisitorTokens } from '../domain/visitor-tokens.ts';
import type { VisitorProfiles } from '../domain/visitor-profiles.ts';
import type { ConversationFeedback } from '../domain/conversation-feedback.ts';
import type { Tickets } from '../domain/tickets.ts';
import type { VisitorInsight } from '../domain/visitor-insight.ts';
import { bindHandlers, guardHandshake } from './validated-handler.ts';

export interface VisitorSocketData {
  visitor: VisitorRef;
  token: string;
}

export const visitorRoom = (visitorId: string): string => `visitor:${visitorId}`;

export interface VisitorNamespaceDeps {
  store: Store;
  conversations: Conversations;
  profiles: VisitorProfiles;
  feedback: ConversationFeedback;
  tokens: VisitorTokens;
  tickets: Tickets;
  insight: VisitorInsight;
  logger: Logger;
  /** Receives each running handler call, for graceful shutdown. */
  track?: (work: Promise<void>) => void;
}

export function setUpVisitorNamespace(nsp: Namespace, deps: VisitorNamespaceDeps): void {
  guardHandshake(nsp, (socket) => authenticate(socket, deps), deps.logger);

  nsp.on('connection', (socket) => {
    const { visitor, token } = socket.data as VisitorSocketData;
    void socket.join(visitorRoom(visitor.visitorId));
    const failed = (error: unknown) => deps.logger.error('visitor presence update failed', { visitorId: visitor.visitorId, error });
    void deps.insight
      .arrived({
        socketId: socket.id,
        visitorId: visitor.visitorId,
        siteId: visitor.siteId,
        userAgent: socket.handshake.headers['user-agent'],
      })
      .catch(failed);
    socket.on('disconnect', () => {
      void deps.insight.left(visitor.visitorId, socket.id).catch(failed);
    });
    const actor = { side: 'visitor', visitor } as const;
    bindHandlers(
      socket,
      visitorClientEvents,
      {
        'session:resume': async ({ conversationId, lastSeq }) => ({
          token,
          visitorId: visitor.visitorId,
          ...(await deps.conversations.resume(visitor, conversationId, lastSeq)),
        }),
        'message:send': ({ clientMessageId, body, contact }) =>
          deps.conversations.sendFromVisitor(visitor, clientMessageId, body, contact),
        'message:seen': async ({ conversationId, seq }) => {
          await deps.conversations.markSeen(actor, conversationId, seq);
          return {};
        },
        'conversation:close': ({ conversationId }) => deps.conversations.close(actor, conversationId),
        'typing:start': ({ conversationId }) => deps.conversations.setTyping(actor, conversationId, true),
        'typing:stop': ({ conversationId }) => deps.conversations.setTyping(actor, conversationId, false),
        'visitor:identify': (identity) => deps.profiles.identify(visitor, identity),
        'page:view': async (view) => {
          await deps.profiles.pageView(visitor, view);
          await deps.insight.viewed(visitor.visitorId, { url: view.url, title: view.title });
          return {};
        },
        'conversation:rate': ({ conversationId, rating, comment }) =>
          deps.feedback.rate(visitor, conversationId, rating, comment),
        'transcript:request': async ({ conversationId, email }) => {
          await deps.feedback.requestTranscript(visitor, conversationId, email);
          return {};
        },
        'offline:message': async (input) => {
          const left = await deps.conversations.leaveOfflineMessage(visitor, input);
          // Answered by email: the message becomes a ticket. Idempotent, so a retried send finds the first one's.
          await deps.tickets.openFromOffline(left.conversation);
          return left;
        },
      },
      deps.logger,
      deps.track,
    );
  });
}

async function authenticate(socket: Socket, deps: { store: Store; tokens: VisitorTokens }): Promise<void> {
  const parsed = VisitorHandshakeSchema.safeParse(socket.handshake.auth);
  if (!parsed.success) {
    throw new ParleyError(ErrorCode.InvalidPayload, summarizeIssues(describeIssues(parsed.error)));
  }
  const site = await deps.store.sites.findByKey(parsed.data.siteKey);
  if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
  const origin = socket.handshake.headers.origin;
  if (!origin || !site.allowedOrigins.includes(origin)) {
    throw new ParleyError(ErrorCode.OriginNotAllowed, `This page's origin is not allowed for the site (${origin ?? 'none'})`);
  }
  const known = parsed.data.token ? deps.tokens.verify(parsed.data.token, site.id) : undefined;
  const identity = known
    ? { visitorId: known, token: parsed.data.token ?? '' }
    : deps.tokens.issue(site.id);
  const data: VisitorSocketData = { visitor: { visitorId: identity.visitorId, siteId: site.id }, token: identity.token };
  socket.data = data;
}
