/**
 * @module The widget's chat state and the pure transitions the server's answers and pushes apply
 * to it. Kept free of sockets and timers so every ordering of events can be tested directly.
 */
import type {
  BotStream,
  Conversation,
  Message,
  ProactiveOrigin,
  QueuePosition,
  SendResult,
  SessionResumeResult,
  TypingUpdate,
  VisitorContact,
} from '@parley/shared';
import { removeDelivered } from '@parley/shared/client-core';
import { EMPTY_THREAD, mergeMessages, type Thread } from './message-merge.ts';
import type { OutboxEntry } from './outbox.ts';

/**
 * idle: not connected yet (the widget connects lazily); connecting: first attempt under way;
 * online: connected and resumed, so sends may go out; reconnecting: was online, lost the link;
 * failed: the server refused this page for good (unknown site, origin not allowed).
 */
export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'failed';

/**
 * Problems the widget tells the visitor about, as keys of the locale's strings: the server's own
 * error messages are English and meant for developers, so they go to the console instead.
 */
export type NoticeKey = 'unavailable' | 'tryAgain' | 'notSent' | 'connectFailed' | 'slowDown';

/** A message the widget shows by itself: a page rule's, or an agent's invite. */
export interface ProactiveMessage {
  origin: ProactiveOrigin;
  message: string;
  senderName: string;
  senderAvatarUrl: string | null;
}

export interface ChatState {
  connection: ConnectionState;
  conversation: Conversation | null;
  thread: Thread;
  /** The outbox as last read: messages written but not acknowledged yet. */
  outbox: OutboxEntry[];
  queuePosition: number | null;
  /** The server's estimate of the wait while queued (seconds), when it has one. */
  waitSeconds: number | null;
  /** Whether any agent is online (resume ack, availability:updated); true until told otherwise. */
  agentsOnline: boolean;
  /**
   * Outside the site's business hours, as the server last said (resume, or a send it refused);
   * unset until it has: the widget config's answer stands in meanwhile.
   */
  offHours?: boolean;
  /**
   * What the visitor wrote that the server refused because no live chat can start now (closed
   * meanwhile): the offline form starts with it, so it is sent by email rather than lost.
   */
  refused?: string;
  /** The queued conversation the server said has waited too long (queue:overdue): ask for an email. */
  overdue?: string;
  agentTyping: boolean;
  /** A quiet problem to show (a dropped message, chat unavailable). */
  notice: NoticeKey | null;
  /** The pre-chat form's answers, until the message that starts the chat has them on its way. */
  contact: VisitorContact | null;
  /** Whether the panel is open: the visitor's launcher and the host page's API both change it. */
  open: boolean;
  /** The host page may hide the launcher (`hideLauncher()`); an open panel still shows its own. */
  launcherVisible: boolean;
  /** The proactive message on show (by the launcher, or atop an open panel) until answered or closed. */
  proactive: ProactiveMessage | null;
  /** The bot's answer as it is written (message:stream): drawn while the bot holds the conversation. */
  stream?: BotStream | null;
  /** The message the next one sent answers (quoted reply, message-extras.tsx). */
  replyTo?: Message | null;
}

export function initialState(conversation: Conversation | null, thread: Thread, outbox: OutboxEntry[]): ChatState {
  return {
    connection: 'idle',
    conversation,
    thread,
    outbox,
    queuePosition: null,
    waitSeconds: null,
    agentsOnline: true,
    agentTyping: false,
    notice: null,
    contact: null,
    open: false,
    launcherVisible: true,
    proactive: null,
  };
}

// offline (a message left while nobody was online) never becomes active; it can only be closed
// (bot: the answer bot holds it; it is handed off to the queue or an agent, or closed)
const STATUS_RANK = { offline: 0, bot: 0, queued: 0, active: 1, closed: 2 } as const;

/**
 * Picks the fresher of two snapshots of a conversation. A send ack's snapshot can be taken before
 * an assignment that a `conversation:updated` push already delivered; a conversation never moves
 * back from active to queued or from closed, so the status rank orders them.
 */
function fresher(held: Conversation | null, incoming: Conversation): Conversation {
  if (!held || held.id !== incoming.id) return incoming;
  return STATUS_RANK[incoming.status] < STATUS_RANK[held.status] ? held : incoming;
}

/** The server is the authority after a (re)connect: its current conversation replaces ours. */
export function applyResume(state: ChatState, result: SessionResumeResult): ChatState {
  const { conversation } = result;
  if (!conversation) {
    // no conversation for this visitor (new identity, or nothing to show): drop what we held
    return {
      ...state,
      conversation: null,
      thread: EMPTY_THREAD,
      queuePosition: null,
      agentTyping: false,
      agentsOnline: result.agentsOnline,
      offHours: !result.withinBusinessHours,
    };
  }
  return {
    ...state,
    conversation,
    // edits and deletes of messages held come in `changes` and merge like any newer copy
    thread: mergeMessages(state.thread, conversation.id, [...result.messages, ...(result.changes ?? [])]),
    queuePosition: conversation.status === 'queued' ? result.queuePosition : null,
    waitSeconds: result.estimatedWaitSeconds,
    agentsOnline: result.agentsOnline,
    offHours: !result.withinBusinessHours,
    // whether the agent is still typing is unknown after a gap; their next typing:update says
    agentTyping: false,
    // an answer being written comes again with its next piece; one that finished is in `messages`
    stream: null,
  };
}

export function applyMessage(state: ChatState, message: Message): ChatState {
  const switching = message.conversationId !== state.thread.conversationId;
  const thread = mergeMessages(state.thread, message.conversationId, [message]);
  if (!switching) {
    // the agent's message ends their typing; their typing:update(false) may come later or never
    const agentTyping = message.author.kind === 'agent' ? false : state.agentTyping;
    // the bot's stored message takes the place of its answer being written
    const stream = message.author.kind === 'bot' ? null : state.stream;
    return thread === state.thread && agentTyping === state.agentTyping && stream === state.stream
      ? state
      : { ...state, thread, agentTyping, stream };
  }
  const conversation = state.conversation?.id === message.conversationId ? state.conversation : null;
  return { ...state, thread, conversation, queuePosition: null, agentTyping: false };
}

export function applyConversation(state: ChatState, incoming: Conversation): ChatState {
  const current = state.conversation?.id ?? state.thread.conversationId;
  // a late "closed" for a conversation we already moved on from must not blank the new one
  if (current !== null && current !== incoming.id && incoming.status === 'closed') return state;
  const conversation = fresher(state.conversation, incoming);
  return {
    ...state,
    conversation,
    thread: mergeMessages(state.thread, conversation.id, []),
    queuePosition: conversation.status === 'queued' && current === conversation.id ? state.queuePosition : null,
    agentTyping: conversation.status === 'active' && current === conversation.id && state.agentTyping,
  };
}

export function applySendResult(state: ChatState, result: SendResult): ChatState {
  const withConversation = applyConversation(state, result.conversation);
  return applyMessage(withConversation, result.message);
}

export function applyQueuePosition(state: ChatState, update: QueuePosition): ChatState {
  // The first message's echo names the new conversation before the send's ack does, and the server
  // tells the queue position in between: match either.
  const current = state.conversation?.id ?? state.thread.conversationId;
  if (update.conversationId !== current) return state;
  return { ...state, queuePosition: update.position, waitSeconds: update.estimatedWaitSeconds };
}

export function applyTyping(state: ChatState, update: TypingUpdate): ChatState {
  if (update.author !== 'agent' || update.conversationId !== state.thread.conversationId) return state;
  return update.typing === state.agentTyping ? state : { ...state, agentTyping: update.typing };
}

/** Outbox entries not yet seen stored: an echo can arrive before the send's ack removes the entry. */
export function pendingEntries(state: ChatState): readonly OutboxEntry[] {
  return removeDelivered(state.outbox, state.thread.messages);
}

/** A conversation is under way, or a message is on its way to start one. */
export function chatting(state: ChatState): boolean {
  const status = state.conversation?.status;
  return status === 'queued' || status === 'active' || state.outbox.length > 0;
}

/** The answer to a proactive message started a chat: the message is the chat's first line from now on. */
export function settleProactive(previous: ChatState, next: ChatState): ChatState {
  const status = next.conversation?.status;
  return next.proactive && next.conversation !== previous.conversation && (status === 'queued' || status === 'active')
    ? { ...next, proactive: null }
    : next;
}
