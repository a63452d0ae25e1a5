/**
 * @module The visitor's chat session: holds the ChatState the UI renders and turns the visitor's
 * actions into requests. The parts it wires to that state do the work: the connection and resume
 * (visitor-connection.ts, visitor-token.ts), the outbox (outbox-sender.ts, send-outcomes.ts),
 * the server's pushes (server-pushes.ts), conversation requests (conversation-requests.ts),
 * proactive messages (proactive-offers.ts) and what the host page says (visitor-extras.ts).
 * No Preact in here.
 */
import type { OfflineMessage, ProactiveEvent, ProactiveOrigin, VisitorContact, VisitorIdentify } from '@parley/shared';
import {
  createBackoff,
  createTypingNotifier,
  type OutboxSender,
  type TypingNotifier,
} from '@parley/shared/client-core';
import type { ChatContext } from './chat-context.ts';
import {
  applyResume,
  chatting,
  initialState,
  settleProactive,
  type ChatState,
  type ProactiveMessage,
} from './chat-state.ts';
import { ConversationRequests } from './conversation-requests.ts';
import { loadHistory, saveHistory } from './history-cache.ts';
import { createLocalStore, createSessionStore, type KeyValueStore } from './local-store.ts';
import { EMPTY_THREAD, lastChangeSeq, lastSeq } from './message-merge.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { ProactiveOffers } from './proactive-offers.ts';
import { NO_RECEIPT, nextReceipt } from './seen-receipt.ts';
import { sendOutcomes } from './send-outcomes.ts';
import { listenForPushes } from './server-pushes.ts';
import { ACK_TIMEOUT_MS } from './socket-request.ts';
import { createVisitorSocket } from './socket-io-wire.ts';
import { TimerSet } from './timer-set.ts';
import { VisitorConnection } from './visitor-connection.ts';
import { VisitorExtras, type PageViewPayload, type VisitorIdentity } from './visitor-extras.ts';
import type { SocketFactory, VisitorSocket } from './visitor-socket.ts';
import { VisitorToken } from './visitor-token.ts';

export interface ChatClientOptions {
  siteKey: string;
  serverUrl: string;
  store?: KeyValueStore;
  /** What lasts for the tab's session (a closed proactive message); sessionStorage by default. */
  session?: KeyValueStore;
  createSocket?: SocketFactory;
  /** How long to wait for an ack before treating the request as lost (it is retried, never doubled). */
  ackTimeoutMs?: number;
}

export class ChatClient {
  #state: ChatState;
  readonly #listeners = new Set<(state: ChatState) => void>();
  readonly #store: KeyValueStore;
  readonly #uploads: string;
  readonly #outbox: Outbox;
  readonly #sender: OutboxSender;
  readonly #connection: VisitorConnection;
  readonly #typing: TypingNotifier;
  readonly #timers = new TimerSet();
  readonly #backoff = createBackoff();
  /** The state and the online socket, as the parts below (and the lazily loaded message extras, app/message-extras.tsx) see them. */
  readonly chat: ChatContext;
  readonly #visitor: VisitorToken;
  readonly #requests: ConversationRequests;
  readonly #proactive: ProactiveOffers;
  readonly #extras = new VisitorExtras((token) => {
    if (!this.#destroyed) this.#visitor.become(token);
  });
  #seenSent = NO_RECEIPT;
  #destroyed = false;

  constructor(options: ChatClientOptions) {
    const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.#store = options.store ?? createLocalStore(options.siteKey);
    this.#uploads = `${options.serverUrl}/api/widget/${options.siteKey}/attachments`;
    this.#outbox = new Outbox(this.#store);
    const history = loadHistory(this.#store);
    this.#state = initialState(history.conversation, history.thread, this.#outbox.list());
    this.chat = {
      state: () => this.#state,
      update: (next) => this.#update(next),
      online: () => this.#online(),
      ackTimeoutMs,
    };
    this.#requests = new ConversationRequests(this.chat);
    const session = options.session ?? createSessionStore(options.siteKey);
    this.#proactive = new ProactiveOffers(this.chat, session, () => this.setOpen(true));
    this.#typing = createTypingNotifier((event, conversationId) => {
      if (this.#state.connection === 'online') this.#connection.socket?.emit(event, { conversationId });
    });
    const factory = options.createSocket ?? createVisitorSocket(options.serverUrl);
    const handshake = () => ({
      siteKey: options.siteKey,
      token: this.#visitor.present() ?? undefined,
      // the time zone lets agents see the visitor's local time
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    this.#connection = new VisitorConnection(
      () => factory(handshake),
      {
        listen: (socket) => listenForPushes(socket, this.chat, (message) => this.showProactive(message)),
        held: () => ({
          conversationId: this.#state.thread.conversationId,
          lastSeq: lastSeq(this.#state.thread),
          lastChangeSeq: lastChangeSeq(this.#state.thread),
        }),
        resumed: (socket, result) => {
          if (!this.#visitor.resumed(result.token)) return;
          this.#seenSent = NO_RECEIPT;
          this.#update({
            ...applyResume(this.#state, result),
            connection: 'online',
            outbox: this.#outbox.list(),
            notice: null,
          });
          // identity and pages go after the resume, so the server already knows which visitor they are about
          this.#extras.flush(socket);
          this.#proactive.flush();
          void this.#sender.flush();
        },
        changed: (connection, notice) => {
          let next = connection ? { ...this.#state, connection } : this.#state;
          // whether the agent is still typing is unknown after a drop; their next typing:update says
          if (connection === 'reconnecting') next = { ...next, agentTyping: false };
          this.#update(notice ? { ...next, notice } : next);
        },
      },
      this.#backoff,
      this.#timers,
      ackTimeoutMs,
    );
    this.#sender = createOutboxSender(
      this.#outbox,
      {
        link: () => {
          const socket = this.#online();
          return socket && { socket, session: this.#connection.session };
        },
        current: ({ session }) => session === this.#connection.session && !this.#destroyed,
        ...sendOutcomes(this.chat, this.#outbox),
      },
      this.#backoff,
      this.#timers,
      ackTimeoutMs,
    );
    this.#visitor = new VisitorToken(this.#store, {
      rejoin: () => {
        if (!this.#destroyed) this.#rejoin();
      },
      reset: () => this.reset(),
    });
  }

  getState(): ChatState {
    return this.#state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether there is something to deliver or follow, so connecting before the panel opens pays off. */
  hasUnfinishedBusiness(): boolean {
    return (
      this.#state.outbox.length > 0 ||
      (this.#state.conversation !== null && this.#state.conversation.status !== 'closed')
    );
  }

  /** files-in-chat: where this visitor's uploads go, and the token that says who they are. */
  uploadTo(): [url: string, token: string | null] {
    return [this.#uploads, this.#store.read('token')];
  }

  /** Opens the connection; safe to call again. */
  connect(): void {
    if (!this.#destroyed) this.#connection.open();
  }

  /** Queues a message and sends it as soon as the connection allows; the pre-chat answers go with it. */
  send(body: string, extras: Pick<OutboxEntry, 'answer' | 'attachments'> = {}): void {
    if ((body.trim() === '' && !extras.attachments) || this.#destroyed) return;
    this.#typing.stop();
    const { contact, proactive, replyTo } = this.#state;
    // an answer to a proactive message starts the chat with that message first (the server's own copy)
    this.#outbox.add(body, {
      contact: contact ?? undefined,
      proactive: proactive && !chatting(this.#state) ? proactive.origin : undefined,
      ...extras,
      replyToId: replyTo?.id,
    });
    this.#update({ ...this.#state, outbox: this.#outbox.list(), contact: null, notice: null, replyTo: null });
    this.connect();
    void this.#sender.flush();
  }

  /** The pre-chat form was filled in: its answers go with the first message (`body`, or the next one written). */
  startChat(contact: VisitorContact, body = ''): void {
    this.#update({ ...this.#state, contact });
    this.send(body);
  }

  /**
   * Try now instead of waiting out the backoff: the network came back, the laptop woke up, the tab
   * became visible, or the visitor pressed Retry. A live connection just re-sends the outbox.
   */
  reconnectNow(): void {
    if (this.#destroyed || this.#state.connection === 'failed') return;
    if (this.#connection.wake()) void this.#sender.flush();
  }

  endChat(): void {
    const conversation = this.#state.conversation;
    if (!conversation || conversation.status === 'closed') return;
    this.#typing.stop();
    this.#requests.close(conversation.id);
  }

  /** Rates the conversation (1–5); resolves false when the server did not take it. */
  rate(rating: number, comment: string): Promise<boolean> {
    return this.#requests.rate(rating, comment);
  }

  /** Asks for the conversation's transcript by email; resolves false when the server did not take it. */
  requestTranscript(email: string): Promise<boolean> {
    return this.#requests.requestTranscript(email);
  }

  /** Leaves a message while no agent is online; resolves false when it is not known to be stored. */
  leaveMessage(message: Omit<OfflineMessage, 'clientMessageId'>): Promise<boolean> {
    return this.#requests.leaveMessage(message);
  }

  /** "Answer me by email instead" while queued; resolves false when the server did not take it. */
  emailInstead(email: string): Promise<boolean> {
    return this.#requests.emailInstead(email);
  }

  /** The visitor is typing in the message box. */
  input(): void {
    // before the first message there is no conversation for the agent to watch
    const { conversation, connection } = this.#state;
    if (connection === 'online' && conversation && conversation.status !== 'closed')
      this.#typing.input(conversation.id);
  }

  /** The message box lost focus. */
  stopTyping(): void {
    this.#typing.stop();
  }

  /** The agent's messages are on screen: tell the server up to which seq they were seen. */
  markSeen(): void {
    const socket = this.#online();
    const receipt = socket && nextReceipt(this.#state, this.#seenSent);
    if (!socket || !receipt) return;
    this.#seenSent = receipt;
    // fire and forget: a lost receipt is re-sent by the next markSeen after a reconnect resets it
    socket.timeout(this.chat.ackTimeoutMs).emit('message:seen', receipt, () => {});
  }

  /** Opens or closes the panel; opening connects, since the visitor is about to chat. */
  setOpen(open: boolean): void {
    if (open === this.#state.open) return;
    if (!open) this.#typing.stop();
    this.#update({ ...this.#state, open });
    if (open) this.connect();
  }

  setLauncherVisible(launcherVisible: boolean): void {
    if (launcherVisible !== this.#state.launcherVisible) this.#update({ ...this.#state, launcherVisible });
  }

  /**
   * The host's user logged out: forget the visitor's token, history and outbox, so the next person
   * on this browser starts as a new visitor and sees nothing of the previous one's chat.
   */
  reset(): void {
    if (this.#destroyed) return;
    const reconnect = this.#connection.socket !== null && this.#state.open;
    this.#connection.close();
    this.#visitor.forget();
    for (const name of ['outbox', 'history'] as const) this.#store.remove(name);
    this.#extras.reset();
    this.#seenSent = NO_RECEIPT;
    this.#requests.reset();
    this.#backoff.reset();
    const { open, launcherVisible } = this.#state;
    this.#update({ ...initialState(null, EMPTY_THREAD, []), open, launcherVisible });
    if (reconnect) this.connect();
  }

  /** Who the visitor is on the host site: sent once connected, and again after every reconnect. */
  identify(identity: VisitorIdentity): void {
    this.#extras.identify(identity, this.#online());
  }

  /** What the host page told us about the visitor (pre-chat fields it already answered need not be asked). */
  knownContact(): VisitorContact {
    return this.#extras.knownContact();
  }

  /** A page of the host site the visitor is on: sent now when online, else after the next connect. */
  trackPageView(page: PageViewPayload): void {
    this.#extras.pageView(page, this.#online());
  }

  /** What the host page said about the visitor through identify(), if anything. */
  visitorIdentity(): VisitorIdentify | null {
    return this.#extras.pending().identity;
  }

  /**
   * Whether a page rule's message must wait: a chat is under way, a proactive message is already on
   * show (one at a time), or the visitor closed one in this session.
   */
  proactiveBlocked(): boolean {
    return this.#proactive.blocked();
  }

  /** Shows a proactive message by the launcher (or opens the panel with it), unless a chat is under way. */
  showProactive(message: ProactiveMessage, openPanel = false): void {
    if (!this.#destroyed) this.#proactive.show(message, openPanel);
  }

  /** The visitor opened the panel from the proactive message (or the rule opened it). */
  openProactive(): void {
    this.#proactive.open();
  }

  /** The visitor closed the proactive message: no page rule reaches out again in this session. */
  dismissProactive(): void {
    this.#proactive.dismiss();
  }

  /** Counts a proactive event for the rule's statistics (sent now when online, else after the next resume). */
  reportProactive(origin: ProactiveOrigin, event: ProactiveEvent['event']): void {
    this.#proactive.report(origin, event);
  }

  /** Closes the connection and forgets every listener and timer; stored data stays for the next page. */
  destroy(): void {
    this.#destroyed = true;
    this.#visitor.stop();
    this.#typing.stop();
    this.#timers.clear();
    this.#listeners.clear();
    this.#connection.close();
  }

  /** A new connection, presenting whichever token is stored now. */
  #rejoin(): void {
    this.#connection.close();
    this.connect();
  }

  /** The socket while connected and resumed, else null. */
  #online(): VisitorSocket | null {
    return this.#state.connection === 'online' ? this.#connection.socket : null;
  }

  #update(next: ChatState): void {
    // a late ack after destroy must not rewrite the history cache the next page load reads
    if (next === this.#state || this.#destroyed) return;
    const previous = this.#state;
    next = settleProactive(previous, next);
    this.#state = next;
    if (next.thread !== previous.thread || next.conversation !== previous.conversation) {
      saveHistory(this.#store, { conversation: next.conversation, thread: next.thread });
    }
    for (const listener of this.#listeners) listener(next);
  }
}
