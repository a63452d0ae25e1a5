/**
 * @module The /visitor namespace: checks the site key and page origin at the handshake, gives the
 * visitor an identity, and translates the widget's events into domain calls. The identity is a
 * signed token only: the visitor's row is stored with the first thing they do, not at connection.
 */
import type { Socket } from 'socket.io';
import { ErrorCode } from '@parley/shared/error-codes';
import { VisitorHandshakeSchema, describeIssues, summarizeIssues, visitorClientEvents } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { Conversations, VisitorRef } from '../domain/conversations.ts';
import type { MessageFiles } from '../domain/attachments/message-files.ts';
import type { VisitorTokens } from '../domain/visitor-tokens.ts';
import type { VisitorProfiles } from '../domain/visitor-profiles.ts';
import type { ConversationFeedback } from '../domain/conversation-feedback.ts';
import type { Tickets } from '../domain/tickets.ts';
import type { VisitorInsight } from '../domain/visitor-insight.ts';
import type { ProactiveOutreach } from '../domain/proactive-outreach.ts';
import type { RichAnswers } from '../domain/rich-answers.ts';
import type { MessageEdits } from '../domain/message-edits.ts';
import type { BotConversations } from '../domain/answer-bot/bot-conversations.ts';
import { guardHandshake, handlersFor, type HandlerTable } from './validated-handler.ts';
import type { VisitorLimits } from '../limits/socket-limits.ts';
import { gated } from './gated-handlers.ts';
import type { VisitorNamespace } from './namespaces.ts';
import { visitorResume, visitorSendResult } from './visitor-wire.ts';

export interface VisitorSocketData {
  visitor: VisitorRef;
  token: string;
  timeZone: string | undefined;
  /** The client's address key (TRUST_PROXY applied): what new conversations are counted under. */
  address: string;
}

export const visitorRoom = (visitorId: string): string => `visitor:${visitorId}`;

export interface VisitorNamespaceDeps {
  store: Store;
  conversations: Conversations;
  /** files-in-chat: messages that carry attachments. */
  messageFiles: MessageFiles;
  profiles: VisitorProfiles;
  feedback: ConversationFeedback;
  tokens: VisitorTokens;
  tickets: Tickets;
  insight: VisitorInsight;
  outreach: ProactiveOutreach;
  richAnswers: RichAnswers;
  /** Quoted replies, edits and deletes (issue 19). */
  edits: MessageEdits;
  /** answer bot (issue 22): "Talk to a person". */
  bots: BotConversations;
  logger: Logger;
  /** Messages and events per visitor, conversations per address. */
  limits: VisitorLimits;
  /** Receives each running handler call, for graceful shutdown. */
  track?: (work: Promise<void>) => void;
}

export function setUpVisitorNamespace(nsp: VisitorNamespace, deps: VisitorNamespaceDeps): void {
  guardHandshake(nsp, (socket) => authenticate(socket, deps), deps.logger);
  const failed = (visitorId: string) => (error: unknown) =>
    deps.logger.error('visitor presence update failed', { visitorId, error });
  // Shared by every socket (this is the socket): an idle visitor holds no closures of its own.
  function left(this: Socket): void {
    const { visitor } = this.data as VisitorSocketData;
    void deps.insight.left(visitor.visitorId, this.id).catch(failed(visitor.visitorId));
  }
  const limited = gated(visitorHandlers(deps), (event, { visitor }) =>
    deps.limits.admitEvent(event, visitor.visitorId),
  );
  const bind = handlersFor(visitorClientEvents, limited, deps.logger, deps.track);

  nsp.on('connection', (socket) => {
    const data = socket.data as VisitorSocketData;
    const { visitor, timeZone } = data;
    void socket.join(visitorRoom(visitor.visitorId));
    void deps.insight
      .arrived({
        socketId: socket.id,
        visitorId: visitor.visitorId,
        siteId: visitor.siteId,
        userAgent: socket.handshake.headers['user-agent'],
      })
      .catch(failed(visitor.visitorId));
    // a returning visitor's zone is updated now; a new one's waits for their row (rememberTimeZone)
    if (timeZone) void rememberTimeZone(deps, data).catch(failed(visitor.visitorId));
    socket.on('disconnect', left);
    bind(socket, data);
  });
}

/**
 * Stores the handshake's time zone once the visitor has a row, then forgets it: until then every
 * event that may have created the row tries again (no row is made for the zone alone).
 */
async function rememberTimeZone(deps: VisitorNamespaceDeps, data: VisitorSocketData): Promise<void> {
  const zone = data.timeZone;
  if (zone && (await deps.profiles.reportTimeZone(data.visitor, zone))) data.timeZone = undefined;
}

/** The widget's events, made once for the namespace; each call gets its socket's data. */
function visitorHandlers(deps: VisitorNamespaceDeps): HandlerTable<typeof visitorClientEvents, VisitorSocketData> {
  const actor = (visitor: VisitorRef) => ({ side: 'visitor', visitor }) as const;
  return {
    'session:resume': async ({ conversationId, lastSeq, lastChangeSeq }, { visitor, token }) => {
      const resumed = await deps.conversations.resume(visitor, conversationId, lastSeq);
      const changes = await deps.edits.changesFor(resumed.conversation, conversationId, lastSeq, lastChangeSeq);
      return visitorResume({ token, visitorId: visitor.visitorId, ...resumed, ...(changes && { changes }) });
    },
    'message:send': async ({ clientMessageId, body, contact, proactive, attachmentIds, answer, replyToId }, data) => {
      const { visitor, address } = data;
      // a quick-reply choice or form answer (rich-answers.ts): checked against the offer as stored
      if (answer) return visitorSendResult(await deps.richAnswers.answer(visitor, clientMessageId, answer));
      const replyTo = replyToId === undefined ? undefined : await deps.edits.quoteForVisitor(visitor, replyToId);
      if (attachmentIds && attachmentIds.length > 0)
        return visitorSendResult(
          await deps.messageFiles.sendFromVisitor(visitor, { clientMessageId, body, attachmentIds, contact, replyTo }),
        );
      const opening = proactive ? await deps.outreach.openingFor(visitor, proactive) : undefined;
      const sent = await deps.conversations.sendFromVisitor(
        visitor,
        clientMessageId,
        body,
        contact,
        opening,
        () => deps.limits.admitConversation(address),
        replyTo,
      );
      await rememberTimeZone(deps, data);
      return visitorSendResult(sent);
    },
    'message:seen': async ({ conversationId, seq }, { visitor }) => {
      await deps.conversations.markSeen(actor(visitor), conversationId, seq);
      return {};
    },
    'conversation:close': ({ conversationId }, { visitor }) => deps.conversations.close(actor(visitor), conversationId),
    'typing:start': ({ conversationId }, { visitor }) =>
      deps.conversations.setTyping(actor(visitor), conversationId, true),
    'typing:stop': ({ conversationId }, { visitor }) =>
      deps.conversations.setTyping(actor(visitor), conversationId, false),
    'visitor:identify': async (identity, data) => {
      const identified = await deps.profiles.identify(data.visitor, identity);
      await rememberTimeZone(deps, data);
      return identified;
    },
    'page:view': async (view, data) => {
      const { visitor } = data;
      await deps.profiles.pageView(visitor, view);
      await rememberTimeZone(deps, data);
      await deps.insight.viewed(visitor.visitorId, { url: view.url, title: view.title });
      return {};
    },
    'conversation:rate': ({ conversationId, rating, comment }, { visitor }) =>
      deps.feedback.rate(visitor, conversationId, rating, comment),
    'transcript:request': async ({ conversationId, email }, { visitor }) => {
      await deps.feedback.requestTranscript(visitor, conversationId, email);
      return {};
    },
    'offline:message': async (input, data) => {
      const { visitor, address } = data;
      await deps.limits.admitConversation(address);
      const left = await deps.conversations.leaveOfflineMessage(visitor, input);
      await rememberTimeZone(deps, data);
      // Answered by email: the message becomes a ticket. Idempotent, so a retried send finds the first one's.
      await deps.tickets.openFromOffline(left.conversation);
      return left;
    },
    'proactive:event': async (event, { visitor }) => {
      await deps.outreach.record(visitor, event);
      return {};
    },
    'ticket:request': ({ conversationId, email }, { visitor }) =>
      deps.tickets.requestByVisitor(visitor.visitorId, conversationId, email),
    'message:edit': (edit, { visitor }) => deps.edits.edit(actor(visitor), edit),
    'message:delete': (ref, { visitor }) => deps.edits.remove(actor(visitor), ref),
    'bot:handoff': ({ conversationId }, { visitor }) => deps.bots.handOffByVisitor(visitor.visitorId, conversationId),
  };
}

async function authenticate(
  socket: Socket,
  deps: { store: Store; tokens: VisitorTokens; limits: VisitorLimits },
): Promise<void> {
  const parsed = VisitorHandshakeSchema.safeParse(socket.handshake.auth);
  if (!parsed.success) {
    throw new ParleyError(ErrorCode.InvalidPayload, summarizeIssues(describeIssues(parsed.error)));
  }
  const site = await deps.store.sites.findByKey(parsed.data.siteKey);
  if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
  const origin = socket.handshake.headers.origin;
  if (!origin || !site.allowedOrigins.includes(origin)) {
    throw new ParleyError(
      ErrorCode.OriginNotAllowed,
      `This page's origin is not allowed for the site (${origin ?? 'none'})`,
    );
  }
  const known = parsed.data.token ? deps.tokens.verify(parsed.data.token, site.id) : undefined;
  const identity = known ? { visitorId: known, token: parsed.data.token ?? '' } : deps.tokens.issue(site.id);
  const data: VisitorSocketData = {
    visitor: { visitorId: identity.visitorId, siteId: site.id },
    token: identity.token,
    timeZone: parsed.data.timeZone,
    address: deps.limits.addressOf(socket),
  };
  socket.data = data;
}
