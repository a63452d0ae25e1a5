/**
 * @module The console's session: sign-in state, the /agent connection, and everything the protocol asks of
 * a reconnecting client. On every connect: agent:sync, then a history catch-up per conversation after the
 * highest seq held, then the outbox. Pushes go through the pure transitions in src/state/.
 */
import { batch } from '@preact/signals';
import {
  ErrorCode,
  MAX_MESSAGE_LENGTH,
  MessageBodySchema,
  type AgentSyncResult,
  type OfferContent,
  type Attachment,
} from '@parley/shared';
import { richFallback } from '@parley/shared/rich-answers';
import {
  addPending,
  createTypingNotifier,
  highestChangeSeq,
  newClientMessageId,
  removeDelivered,
} from '@parley/shared/client-core';
import {
  applyHistory,
  applyPush,
  applySync,
  clearTyping,
  forgetConversation,
  type AgentPush,
} from '../state/conversations.ts';
import { catchUpAfterSeq } from '../state/conversation-selectors.ts';
import {
  createConsoleStore,
  draftOf,
  resetConversations,
  setDraft,
  type ConsoleStore,
} from '../state/console-store.ts';
import { RequestError, type AgentChannel, type ChannelStatus } from './agent-channel.ts';
import type { AuthApi } from './auth-api.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createSeenReporter, documentVisibility, type TabVisibility } from './seen-reporter.ts';
import { createAgentActions, type AgentActions } from './agent-actions.ts';
import { createMessageEditActions, type MessageEditActions } from './message-edit-actions.ts';
import { createAttention, type AttentionOutputs } from './attention.ts';
import { createVisitorFeed, type VisitorFeed } from './visitor-feed.ts';
import { createSessionTickets } from './session-tickets.ts';
import type { TicketChannel } from './ticket-channel.ts';

export interface ConsoleDeps {
  auth: AuthApi;
  openChannel: () => AgentChannel;
  newClientMessageId?: () => string;
  visibility?: TabVisibility;
  now?: () => number;
  /** Chime and desktop notification for what arrives while the tab is hidden; none when left out. */
  attention?: AttentionOutputs;
}

export interface ConsoleSession extends AgentActions {
  readonly store: ConsoleStore;
  /** Ticket requests and pushes over whichever connection is open. */
  readonly tickets: TicketChannel;
  now: () => number;
  /** Skips the sign-in form when the session cookie is still valid. */
  start(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  select(conversationId: string): void;
  editDraft(conversationId: string, text: string): void;
  /**
   * Queues the draft for sending; returns why it cannot be sent, or null (queued, or nothing to send).
   * With `content` (rich messages) the draft goes with it, or the content's plain-text fallback when empty.
   */
  send(conversationId: string, content?: OfferContent): string | null;
  /** files-in-chat: queues a message with files already uploaded (the composer took its text from the draft). */
  sendFiles(conversationId: string, body: string, attachments: readonly Attachment[]): void;
  close(conversationId: string): Promise<void>;
  /** The visitor panel and the live visitors list. */
  readonly visitors: VisitorFeed;
  /** Quoted reply, edit and delete of the agent's messages, revisions for admins. */
  readonly edits: MessageEditActions;
  dispose(): void;
}

const SYNC_FAILED = 'Could not load your conversations. Reload the page to try again.';

export function createConsoleSession(deps: ConsoleDeps, store: ConsoleStore = createConsoleStore()): ConsoleSession {
  const visibility = deps.visibility ?? documentVisibility;
  const newMessageId = deps.newClientMessageId ?? (() => newClientMessageId());
  const now = deps.now ?? (() => Date.now());
  let channel: AgentChannel | null = null;
  let unsubscribe: Array<() => void> = [];
  const outbox = createOutboxSender(store, () => channel);
  const seen = createSeenReporter(store, () => channel, visibility);
  const typing = createTypingNotifier((event, conversationId) => channel?.typing(event, { conversationId }));
  let stopWatchingVisibility = (): void => undefined;
  const actions = createAgentActions(store, () => channel, newMessageId);
  const edits = createMessageEditActions(store, () => channel, newMessageId);
  const attention = deps.attention ? createAttention(deps.attention, visibility) : null;
  const visitors = createVisitorFeed(store, () => channel);
  const tickets = createSessionTickets(() => channel);

  function openChannel(): void {
    closeChannel();
    const opened = deps.openChannel();
    channel = opened;
    unsubscribe = [
      opened.onStatus((status) => {
        if (channel === opened) onStatus(opened, status);
      }),
      opened.onPush((push) => {
        if (channel === opened) onPush(push);
      }),
      opened.onVisitorPush((push) => {
        if (channel === opened) visitors.apply(push);
      }),
      tickets.follow(opened),
    ];
    opened.connect();
  }

  function closeChannel(): void {
    typing.stop();
    unsubscribe.forEach((stop) => stop());
    unsubscribe = [];
    channel?.disconnect();
    channel = null;
    seen.forgetInFlight();
  }

  function onStatus(opened: AgentChannel, status: ChannelStatus): void {
    switch (status.kind) {
      case 'connected':
        store.connection.value = 'online';
        void resync(opened);
        // what changed while we were away: the open panel and, if its page was visited, the live list
        if (store.selectedId.value !== null) void visitors.loadPanel(store.selectedId.value);
        if (store.liveVisitors.value !== null) void visitors.loadLive();
        return;
      case 'disconnected':
        batch(() => {
          store.connection.value = 'connecting';
          store.data.value = clearTyping(store.data.value);
        });
        seen.forgetInFlight();
        return;
      case 'unauthorized':
        closeChannel();
        batch(() => {
          resetConversations(store);
          store.auth.value = { status: 'signed-out', error: 'Your session has ended. Please sign in again.' };
        });
        return;
    }
  }

  async function resync(opened: AgentChannel): Promise<void> {
    let result: AgentSyncResult;
    try {
      result = await opened.sync();
    } catch {
      // the next connect syncs again by itself; until then say why the lists may be stale
      if (channel === opened) store.notice.value = SYNC_FAILED;
      return;
    }
    if (channel !== opened) return;
    batch(() => {
      if (store.notice.value === SYNC_FAILED) store.notice.value = null;
      store.data.value = applySync(store.data.value, result);
      store.auth.value = { status: 'signed-in', agent: result.agent };
    });
    outbox.pump();
    // Every conversation of ours is caught up, not only the one on screen: unread counts and previews need
    // its messages, and afterSeq keeps it to what we miss.
    await Promise.all([...store.data.value.mine.keys()].map((id) => loadHistory(opened, id)));
    seen.report();
  }

  async function loadHistory(opened: AgentChannel, conversationId: string): Promise<void> {
    const entry = store.data.value.mine.get(conversationId);
    if (!entry) return;
    try {
      const result = await opened.history({
        conversationId,
        afterSeq: catchUpAfterSeq(entry),
        // what we hold may have been edited or deleted while we were away (docs/message-edits.md)
        ...(entry.historyLoaded && { afterChangeSeq: highestChangeSeq(entry.messages) }),
      });
      batch(() => {
        store.data.value = applyHistory(store.data.value, result);
        store.outbox.value = removeDelivered(store.outbox.value, result.messages);
      });
    } catch (error) {
      if (error instanceof RequestError && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden)) {
        store.data.value = forgetConversation(store.data.value, conversationId);
      }
      // otherwise keep what is held: the next connect, or opening the conversation, asks again from the same seq
      return;
    }
    if (conversationId === store.selectedId.value) seen.report();
  }

  function onPush(push: AgentPush): void {
    const before = store.data.value;
    batch(() => {
      store.data.value = applyPush(store.data.value, push);
      if (push.event === 'message:new') store.outbox.value = removeDelivered(store.outbox.value, [push.payload]);
    });
    if (push.event === 'conversation:assigned' && channel) void loadHistory(channel, push.payload.id);
    if (push.event === 'message:new' && push.payload.conversationId === store.selectedId.value) seen.report();
    attention?.onPush(push, before, store.data.value);
  }

  return {
    ...actions,
    edits,
    store,
    tickets,
    now,
    visitors,

    async start() {
      stopWatchingVisibility();
      // coming back to the tab counts as seeing what arrived while it was hidden
      stopWatchingVisibility = visibility.onChange(() => seen.report());
      try {
        const agent = await deps.auth.me();
        store.auth.value = agent ? { status: 'signed-in', agent } : { status: 'signed-out', error: null };
      } catch {
        store.auth.value = {
          status: 'signed-out',
          error: 'Could not reach the server. Check your connection and try again.',
        };
      }
      if (store.auth.value.status === 'signed-in') openChannel();
    },

    async signIn(email, password) {
      const result = await deps.auth.signIn(email, password);
      if (!result.ok) {
        store.auth.value = { status: 'signed-out', error: result.message };
        return;
      }
      batch(() => {
        resetConversations(store);
        store.auth.value = { status: 'signed-in', agent: result.agent };
      });
      openChannel();
    },

    async signOut() {
      closeChannel();
      // the form comes back even if the request fails: this tab forgets the agent either way
      await deps.auth.signOut().catch(() => undefined);
      batch(() => {
        resetConversations(store);
        store.auth.value = { status: 'signed-out', error: null };
      });
    },

    select(conversationId) {
      if (store.selectedId.value !== conversationId) typing.stop();
      store.selectedId.value = conversationId;
      const entry = store.data.value.mine.get(conversationId);
      if (entry && !entry.historyLoaded && channel?.connected) void loadHistory(channel, conversationId);
      seen.report();
    },

    editDraft(conversationId, text) {
      setDraft(store, conversationId, text);
      typing.input(conversationId, text.trim() === '');
    },

    send(conversationId, content) {
      const entry = store.data.value.mine.get(conversationId);
      if (!entry || entry.conversation.status === 'closed') return 'This conversation has ended.';
      const body = draftOf(store, conversationId).trim() || (content ? richFallback(content) : '');
      if (body === '') return null;
      const valid = MessageBodySchema.safeParse(body);
      if (!valid.success) {
        return body.length > MAX_MESSAGE_LENGTH
          ? `Messages can be at most ${MAX_MESSAGE_LENGTH} characters; this one has ${body.length}.`
          : 'This message cannot be sent.';
      }
      typing.stop();
      const replyTo = edits.takeReplyTarget(conversationId);
      batch(() => {
        store.outbox.value = addPending(store.outbox.value, {
          clientMessageId: newMessageId(),
          conversationId,
          body: valid.data,
          ...(content && { content }),
          error: null,
          ...(replyTo && { replyToId: replyTo.id }),
        });
        setDraft(store, conversationId, '');
      });
      outbox.pump();
      return null;
    },

    sendFiles(conversationId, body, attachments) {
      typing.stop();
      store.outbox.value = addPending(store.outbox.value, {
        clientMessageId: newMessageId(),
        conversationId,
        body,
        error: null,
        attachments,
      });
      outbox.pump();
    },

    async close(conversationId) {
      const opened = channel;
      if (!opened || !opened.connected) {
        store.notice.value = 'You are offline: the conversation can be closed once the connection is back.';
        return;
      }
      try {
        const conversation = await opened.close({ conversationId });
        store.data.value = applyPush(store.data.value, { event: 'conversation:updated', payload: conversation });
        typing.stop();
      } catch (error) {
        store.notice.value = `Could not close the conversation: ${error instanceof Error ? error.message : 'unknown error'}`;
      }
    },

    dispose() {
      closeChannel();
      stopWatchingVisibility();
    },
  };
}
