/**
 * @module The visitor's chat session: holds the ChatState the UI renders and turns the visitor's
 * actions into requests. The connection (visitor-connection.ts) and the outbox (outbox-sender.ts)
 * do the sending; this module wires them to the state. No Preact in here.
 */
import type {
  Conversation,
  OfflineMessage,
  ProactiveEvent,
  ProactiveOrigin,
  SendResult,
  VisitorContact,
  VisitorIdentify,
} from '@parley/shared';
import {
  applyConversation,
  applyMessage,
  applyQueuePosition,
  applyResume,
  applySendResult,
  applyTyping,
  initialState,
  type ChatState,
  type ProactiveMessage,
} from './chat-state.ts';
import { ErrorCode } from '@parley/shared/error-codes';
import {
  createBackoff,
  createTypingNotifier,
  newClientMessageId,
  type OutboxSender,
  type TypingNotifier,
} from '@parley/shared/client-core';
import { applySeen } from './delivery.ts';
import { loadHistory, saveHistory } from './history-cache.ts';
import { createLocalStore, createSessionStore, type KeyValueStore } from './local-store.ts';
import { EMPTY_THREAD, lastSeq } from './message-merge.ts';
import { Outbox } from './outbox.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { NO_RECEIPT, nextReceipt } from './seen-receipt.ts';
import { ACK_TIMEOUT_MS, ask } from './socket-request.ts';
import { TimerSet } from './timer-set.ts';
import { VisitorConnection } from './visitor-connection.ts';
import { VisitorExtras, type PageViewPayload, type VisitorIdentity } from './visitor-extras.ts';
import { createVisitorSocket } from './socket-io-wire.ts';
import type { SocketFactory, TimedAck, TimedEmitter, VisitorSocket } from './visitor-socket.ts';

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
  readonly #session: KeyValueStore;
  readonly #outbox: Outbox;
  readonly #sender: OutboxSender;
  readonly #connection: VisitorConnection;
  readonly #typing: TypingNotifier;
  readonly #timers = new TimerSet();
  readonly #backoff = createBackoff();
  readonly #extras = new VisitorExtras((token) => this.#becomeVisitor(token));
  readonly #ackTimeoutMs: number;
  #seenSent = NO_RECEIPT;
  /** The id of the offline message being left: kept until it is stored, so a retry is stored once. */
  #offlineId: string | null = null;
  /** Proactive events not yet acknowledged by the server: sent once online. */
  #proactiveEvents: ProactiveEvent[] = [];
  #destroyed = false;
  /** The token of the visitor this tab is connected as, once a resume has said so. */
  #token: string | null = null;
  readonly #unwatchToken: () => void;

  constructor(options: ChatClientOptions) {
    this.#ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.#store = options.store ?? createLocalStore(options.siteKey);
    this.#session = options.session ?? createSessionStore(options.siteKey);
    this.#outbox = new Outbox(this.#store);
    const history = loadHistory(this.#store);
    this.#state = initialState(history.conversation, history.thread, this.#outbox.list());
    this.#typing = createTypingNotifier((event, conversationId) => {
      if (this.#state.connection === 'online') this.#connection.socket?.emit(event, { conversationId });
    });
    const factory = options.createSocket ?? createVisitorSocket(options.serverUrl);
    // the token this connection's handshake presented (read afresh on every attempt)
    let presented: string | null = null;
    const handshake = () => {
      presented = this.#store.read('token');
      // the time zone lets agents see the visitor's local time
      return {
        siteKey: options.siteKey,
        token: presented ?? undefined,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      };
    };
    this.#connection = new VisitorConnection(
      () => factory(handshake),
      {
        listen: (socket) => this.#listen(socket),
        held: () => ({ conversationId: this.#state.thread.conversationId, lastSeq: lastSeq(this.#state.thread) }),
        resumed: (socket, result) => {
          const stored = this.#store.read('token');
          if (stored !== null && stored !== presented && stored !== result.token) {
            // Another tab became this browser's visitor while this one connected without its token
            // (two tabs opened together): join that visitor rather than split one person in two.
            this.#rejoin();
            return;
          }
          this.#token = result.token;
          this.#store.write('token', result.token);
          this.#seenSent = NO_RECEIPT;
          this.#update({
            ...applyResume(this.#state, result),
            connection: 'online',
            outbox: this.#outbox.list(),
            notice: null,
          });
          // identity and pages go after the resume, so the server already knows which visitor they are about
          this.#extras.flush(socket);
          this.#flushProactiveEvents();
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
      this.#ackTimeoutMs,
    );
    this.#sender = createOutboxSender(
      this.#outbox,
      {
        link: () => {
          const socket = this.#online();
          return socket && { socket, session: this.#connection.session };
        },
        current: ({ session }) => session === this.#connection.session && !this.#destroyed,
        stored: (result) =>
          this.#update({
            ...applySendResult(this.#state, result),
            outbox: this.#outbox.list(),
            // it went through: the "sending quickly" notice has said what it had to
            ...(this.#state.notice === 'slowDown' && { notice: null }),
          }),
        limited: () => this.#update({ ...this.#state, notice: 'slowDown' }),
        rejected: ({ code }, body) =>
          this.#update({
            ...this.#state,
            outbox: this.#outbox.list(),
            // closed meanwhile: the panel offers the offline form, holding what was written, instead of a notice
            ...(code === ErrorCode.Unavailable
              ? { offHours: true, refused: this.#state.refused ? `${this.#state.refused}\n${body}` : body }
              : { notice: 'notSent' }),
          }),
      },
      this.#backoff,
      this.#timers,
      this.#ackTimeoutMs,
    );
    this.#unwatchToken = this.#store.watch('token', () => this.#tokenChangedElsewhere());
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

  /** Opens the connection; safe to call again. */
  connect(): void {
    if (!this.#destroyed) this.#connection.open();
  }

  /** Queues a message and sends it as soon as the connection allows; the pre-chat answers go with it. */
  send(body: string): void {
    if (body.trim() === '' || this.#destroyed) return;
    this.#typing.stop();
    const { contact, proactive } = this.#state;
    // an answer to a proactive message starts the chat with that message first (the server's own copy)
    this.#outbox.add(body, {
      contact: contact ?? undefined,
      proactive: proactive && !this.#chatting() ? proactive.origin : undefined,
    });
    this.#update({ ...this.#state, outbox: this.#outbox.list(), contact: null, notice: null });
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
    void this.#ask<Conversation>((socket, ack) =>
      socket.emit('conversation:close', { conversationId: conversation.id }, ack),
    ).then((closed) =>
      this.#update(closed ? applyConversation(this.#state, closed) : { ...this.#state, notice: 'tryAgain' }),
    );
  }

  /** Rates the conversation (1–5); resolves false when the server did not take it. */
  async rate(rating: number, comment: string): Promise<boolean> {
    const id = this.#state.conversation?.id;
    if (!id) return false;
    const payload = comment.trim()
      ? { conversationId: id, rating, comment: comment.trim() }
      : { conversationId: id, rating };
    const rated = await this.#ask<Conversation>((socket, ack) => socket.emit('conversation:rate', payload, ack));
    if (rated) this.#update(applyConversation(this.#state, rated));
    return rated !== null;
  }

  /** Asks for the conversation's transcript by email; resolves false when the server did not take it. */
  async requestTranscript(email: string): Promise<boolean> {
    const id = this.#state.conversation?.id;
    if (!id) return false;
    return (
      (await this.#ask<object>((socket, ack) =>
        socket.emit('transcript:request', { conversationId: id, email }, ack),
      )) !== null
    );
  }

  /** Leaves a message while no agent is online; resolves false when it is not known to be stored. */
  async leaveMessage(message: Omit<OfflineMessage, 'clientMessageId'>): Promise<boolean> {
    const clientMessageId = (this.#offlineId ??= newClientMessageId());
    const left = await this.#ask<SendResult>((socket, ack) =>
      socket.emit('offline:message', { ...message, clientMessageId }, ack),
    );
    if (left) {
      this.#offlineId = null;
      // what was refused went out with this message (the form started with it)
      const { refused: _sent, ...next } = applySendResult(this.#state, left);
      this.#update(next);
    }
    return left !== null;
  }

  /** "Answer me by email instead" while queued; resolves false when the server did not take it. */
  async emailInstead(email: string): Promise<boolean> {
    // offered only while queued, so there is a conversation; the server refuses anything else
    const conversationId = this.#state.conversation?.id ?? '';
    // the conversation:updated push that comes with it moves the panel on
    return (
      (await this.#ask<Conversation>((socket, ack) =>
        socket.emit('ticket:request', { conversationId, email }, ack),
      )) !== null
    );
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
    socket.timeout(this.#ackTimeoutMs).emit('message:seen', receipt, () => {});
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
    for (const name of ['token', 'outbox', 'history'] as const) this.#store.remove(name);
    this.#extras.reset();
    this.#token = null;
    this.#seenSent = NO_RECEIPT;
    this.#offlineId = null;
    this.#backoff.reset();
    const { open, launcherVisible } = this.#state;
    this.#update({ ...initialState(null, EMPTY_THREAD, []), open, launcherVisible });
    if (reconnect) this.connect();
  }

  /** Who the visitor is on the host site: sent once connected, and again after every reconnect. */
  identify(identity: VisitorIdentity): void {
    this.#extras.identify(identity, this.#online());
  }

  /**
   * The verified user is already a visitor in another browser: continue as that visitor, with its
   * chats and tickets (the resume after the reconnect brings its thread).
   */
  #becomeVisitor(token: string): void {
    if (this.#destroyed || this.#store.read('token') === token) return;
    this.#store.write('token', token);
    this.#rejoin();
  }

  /**
   * Another tab changed this browser's visitor: it logged out (reset), became a verified user's
   * visitor, or connected as a new visitor at the same moment as this tab. Both tabs read the
   * storage before either had written, so each became a visitor of its own; the storage keeps the
   * last write, and every tab follows what it holds, so they end up one visitor again. Reading
   * the storage rather than the event's value matters: a tab whose own write is still on its way
   * sees that value, so the tabs never swap tokens back and forth.
   */
  #tokenChangedElsewhere(): void {
    if (this.#destroyed || this.#token === null) return;
    const stored = this.#store.read('token');
    if (stored === null) this.reset();
    else if (stored !== this.#token) this.#rejoin();
  }

  /** A new connection, presenting whichever token is stored now. */
  #rejoin(): void {
    this.#connection.close();
    this.connect();
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
    return this.#chatting() || this.#state.proactive !== null || this.#session.read('dismissed') !== null;
  }

  /** Shows a proactive message by the launcher (or opens the panel with it), unless a chat is under way. */
  showProactive(message: ProactiveMessage, openPanel = false): void {
    if (this.#chatting() || this.#destroyed) return;
    this.#update({ ...this.#state, proactive: message });
    this.reportProactive(message.origin, 'shown');
    if (openPanel) this.openProactive();
  }

  /** The visitor opened the panel from the proactive message (or the rule opened it). */
  openProactive(): void {
    const proactive = this.#state.proactive;
    if (proactive) this.reportProactive(proactive.origin, 'opened');
    this.setOpen(true);
  }

  /** The visitor closed the proactive message: no page rule reaches out again in this session. */
  dismissProactive(): void {
    const proactive = this.#state.proactive;
    if (!proactive) return;
    this.#session.write('dismissed', '1');
    this.reportProactive(proactive.origin, 'dismissed');
    this.#update({ ...this.#state, proactive: null });
  }

  /** Counts a proactive event for the rule's statistics (sent now when online, else after the next resume). */
  reportProactive(origin: ProactiveOrigin, event: ProactiveEvent['event']): void {
    this.#proactiveEvents.push({ origin, event });
    this.#flushProactiveEvents();
  }

  /** Closes the connection and forgets every listener and timer; stored data stays for the next page. */
  destroy(): void {
    this.#destroyed = true;
    this.#unwatchToken();
    this.#typing.stop();
    this.#timers.clear();
    this.#listeners.clear();
    this.#connection.close();
  }

  #listen(socket: VisitorSocket): void {
    socket.on('message:new', (message) => this.#update(applyMessage(this.#state, message)));
    socket.on('conversation:updated', (conversation) => this.#update(applyConversation(this.#state, conversation)));
    socket.on('queue:position', (update) => this.#update(applyQueuePosition(this.#state, update)));
    socket.on('typing:update', (update) => this.#update(applyTyping(this.#state, update)));
    socket.on('message:seen', (update) => this.#update(applySeen(this.#state, update)));
    socket.on('availability:updated', ({ agentsOnline }) => this.#update({ ...this.#state, agentsOnline }));
    // an agent's invite outranks a page rule's message: it replaces one on show
    socket.on('proactive:invite', ({ inviteId, ...message }) =>
      this.showProactive({ origin: { kind: 'invite', inviteId }, ...message }),
    );
    socket.on('queue:overdue', ({ conversationId }) => this.#update({ ...this.#state, overdue: conversationId }));
  }

  /** A conversation is under way, or a message is on its way to start one. */
  #chatting(): boolean {
    const status = this.#state.conversation?.status;
    return status === 'queued' || status === 'active' || this.#state.outbox.length > 0;
  }

  #flushProactiveEvents(): void {
    const socket = this.#online();
    if (!socket) return;
    for (const event of this.#proactiveEvents.splice(0)) {
      // unanswered: kept for the next resume (a count may then arrive twice, never get lost)
      socket.timeout(this.#ackTimeoutMs).emit('proactive:event', event, (err) => {
        if (err) this.#proactiveEvents.push(event);
      });
    }
  }

  /** The socket while connected and resumed, else null. */
  #online(): VisitorSocket | null {
    return this.#state.connection === 'online' ? this.#connection.socket : null;
  }

  #ask<T>(emit: (socket: TimedEmitter, ack: TimedAck<T>) => unknown): Promise<T | null> {
    return ask(this.#online(), this.#ackTimeoutMs, emit);
  }

  #update(next: ChatState): void {
    // a late ack after destroy must not rewrite the history cache the next page load reads
    if (next === this.#state || this.#destroyed) return;
    // the answer started a chat: the proactive message is its first line from now on
    const status = next.conversation?.status;
    if (
      next.proactive &&
      next.conversation !== this.#state.conversation &&
      (status === 'queued' || status === 'active')
    ) {
      next = { ...next, proactive: null };
    }
    const previous = this.#state;
    this.#state = next;
    if (next.thread !== previous.thread || next.conversation !== previous.conversation) {
      saveHistory(this.#store, { conversation: next.conversation, thread: next.thread });
    }
    for (const listener of this.#listeners) listener(next);
  }
}
