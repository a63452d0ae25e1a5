/**
 * @module The visitor's chat session: owns the socket, resumes on every connect, sends the outbox,
 * keeps the history cache, and publishes a ChatState the UI renders. No Preact in here.
 */
import type { SendResult } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import {
  applyConversation,
  applyMessage,
  applyQueuePosition,
  applyResume,
  applySendResult,
  applyTyping,
  initialState,
  type ChatState,
} from './chat-state.ts';
import { applySeen } from './delivery.ts';
import { isPermanentRefusal, readErrorInfo } from './error-info.ts';
import { flushOutbox, type SendOutcome } from './flush-outbox.ts';
import { loadHistory, saveHistory } from './history-cache.ts';
import { createLocalStore, type KeyValueStore } from './local-store.ts';
import { EMPTY_THREAD, lastAgentSeq, lastSeq } from './message-merge.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';
import { retryDelay } from './retry-delay.ts';
import { TypingNotifier } from './typing-notifier.ts';
import { VisitorExtras, type PageViewPayload, type VisitorIdentity } from './visitor-extras.ts';
import { createVisitorSocket, type SocketFactory, type VisitorSocket } from './visitor-socket.ts';

export interface ChatClientOptions {
  siteKey: string;
  serverUrl: string;
  store?: KeyValueStore;
  createSocket?: SocketFactory;
  /** How long to wait for an ack before treating the request as lost (it is retried, never doubled). */
  ackTimeoutMs?: number;
}

export class ChatClient {
  private state: ChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly store: KeyValueStore;
  private readonly outbox: Outbox;
  private readonly typing: TypingNotifier;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private socket: VisitorSocket | null = null;
  /** Bumped on every connect and disconnect: answers from an older connection are ignored. */
  private session = 0;
  private flushing = false;
  private flushRequested = false;
  private attempts = 0;
  private seenSent = { conversationId: '', seq: 0 };
  private destroyed = false;
  private readonly extras = new VisitorExtras();

  constructor(private readonly options: ChatClientOptions) {
    this.store = options.store ?? createLocalStore(options.siteKey);
    this.outbox = new Outbox(this.store);
    const history = loadHistory(this.store);
    this.state = initialState(history.conversation, history.thread, this.outbox.list());
    this.typing = new TypingNotifier((event) => {
      const conversation = this.state.conversation;
      if (this.state.connection === 'online' && conversation) this.socket?.emit(event, { conversationId: conversation.id });
    });
  }

  getState(): ChatState {
    return this.state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether there is something to deliver or follow, so connecting before the panel opens pays off. */
  hasUnfinishedBusiness(): boolean {
    return this.state.outbox.length > 0 || (this.state.conversation !== null && this.state.conversation.status !== 'closed');
  }

  /** Opens the connection; safe to call again. */
  connect(): void {
    if (this.socket || this.destroyed) return;
    const factory = this.options.createSocket ?? createVisitorSocket(this.options.serverUrl);
    const socket = factory(() => ({ siteKey: this.options.siteKey, token: this.store.read('token') ?? undefined }));
    this.socket = socket;
    socket.on('connect', () => this.resume(socket));
    socket.on('disconnect', (reason) => this.onDisconnect(socket, reason));
    socket.on('connect_error', (err) => this.onConnectError(socket, err));
    socket.on('message:new', (message) => this.update(applyMessage(this.state, message)));
    socket.on('conversation:updated', (conversation) => this.update(applyConversation(this.state, conversation)));
    socket.on('queue:position', (update) => this.update(applyQueuePosition(this.state, update)));
    socket.on('typing:update', (update) => this.update(applyTyping(this.state, update)));
    socket.on('message:seen', (update) => this.update(applySeen(this.state, update)));
    socket.on('availability:updated', ({ agentsOnline }) => this.update({ ...this.state, agentsOnline }));
    this.update({ ...this.state, connection: 'connecting' });
    socket.connect();
  }

  /** Queues a message and sends it as soon as the connection allows. */
  send(body: string): void {
    if (body.trim() === '' || this.destroyed) return;
    this.typing.stop();
    this.outbox.add(body);
    this.update({ ...this.state, outbox: this.outbox.list(), notice: null });
    if (!this.socket) this.connect();
    else void this.flush();
  }

  /**
   * Try now instead of waiting out the backoff: the network came back, the laptop woke up, the tab
   * became visible, or the visitor pressed Retry. A live connection just re-sends the outbox.
   */
  reconnectNow(): void {
    const socket = this.socket;
    if (!socket || this.destroyed || this.state.connection === 'failed') return;
    if (!socket.connected) socket.connect();
    else void this.flush();
  }

  endChat(): void {
    const conversation = this.state.conversation;
    if (!this.socket || this.state.connection !== 'online' || !conversation || conversation.status === 'closed') return;
    this.typing.stop();
    this.socket.timeout(this.ackTimeoutMs()).emit('conversation:close', { conversationId: conversation.id }, (err, res) => {
      if (err) this.update({ ...this.state, notice: 'Could not end the chat. Please try again.' });
      else if (res.ok) this.update(applyConversation(this.state, res.data));
      else this.update({ ...this.state, notice: res.error.message });
    });
  }

  /** The visitor is typing in the message box. */
  input(): void {
    // before the first message there is no conversation for the agent to watch
    const { conversation, connection } = this.state;
    if (connection === 'online' && conversation && conversation.status !== 'closed') this.typing.input();
  }

  /** The message box lost focus. */
  stopTyping(): void {
    this.typing.stop();
  }

  /** The agent's messages are on screen: tell the server up to which seq they were seen. */
  markSeen(): void {
    const { conversation, thread, connection } = this.state;
    if (!this.socket || connection !== 'online' || !conversation || conversation.id !== thread.conversationId) return;
    const seq = lastAgentSeq(thread);
    const already = this.seenSent.conversationId === conversation.id ? this.seenSent.seq : 0;
    if (seq <= Math.max(already, conversation.visitorSeenSeq)) return;
    this.seenSent = { conversationId: conversation.id, seq };
    // fire and forget: a lost receipt is re-sent by the next markSeen after a reconnect resets it
    this.socket.timeout(this.ackTimeoutMs()).emit('message:seen', { conversationId: conversation.id, seq }, () => {});
  }

  /** Opens or closes the panel; opening connects, since the visitor is about to chat. */
  setOpen(open: boolean): void {
    if (open === this.state.open) return;
    if (!open) this.typing.stop();
    this.update({ ...this.state, open });
    if (open) this.connect();
  }

  setLauncherVisible(launcherVisible: boolean): void {
    if (launcherVisible !== this.state.launcherVisible) this.update({ ...this.state, launcherVisible });
  }

  /**
   * The host's user logged out: forget the visitor's token, history and outbox, so the next person
   * on this browser starts as a new visitor and sees nothing of the previous one's chat.
   */
  reset(): void {
    if (this.destroyed) return;
    const reconnect = this.socket !== null && this.state.open;
    this.closeSocket();
    for (const name of ['token', 'outbox', 'history'] as const) this.store.remove(name);
    this.extras.reset();
    this.seenSent = { conversationId: '', seq: 0 };
    this.attempts = 0;
    const { open, launcherVisible } = this.state;
    this.update({ ...initialState(null, EMPTY_THREAD, []), open, launcherVisible });
    if (reconnect) this.connect();
  }

  /** Who the visitor is on the host site: sent once connected, and again after every reconnect. */
  identify(identity: VisitorIdentity): void {
    this.extras.identify(identity, this.onlineSocket());
  }

  /** A page of the host site the visitor is on: sent now when online, else after the next connect. */
  trackPageView(page: PageViewPayload): void {
    this.extras.pageView(page, this.onlineSocket());
  }

  /** Closes the connection and forgets every listener and timer; stored data stays for the next page. */
  destroy(): void {
    this.destroyed = true;
    this.typing.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
    this.closeSocket();
  }

  private closeSocket(): void {
    this.session++;
    const socket = this.socket;
    this.socket = null;
    socket?.off();
    socket?.disconnect();
  }

  private onlineSocket(): VisitorSocket | null {
    return this.state.connection === 'online' ? this.socket : null;
  }

  private ackTimeoutMs(): number {
    return this.options.ackTimeoutMs ?? 10_000;
  }

  private update(next: ChatState): void {
    // a late ack after destroy must not rewrite the history cache the next page load reads
    if (next === this.state || this.destroyed) return;
    const previous = this.state;
    this.state = next;
    if (next.thread !== previous.thread || next.conversation !== previous.conversation) {
      saveHistory(this.store, { conversation: next.conversation, thread: next.thread });
    }
    for (const listener of this.listeners) listener(next);
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.destroyed) fn();
    }, ms);
    this.timers.add(timer);
  }

  private resume(socket: VisitorSocket): void {
    const session = ++this.session;
    const { thread } = this.state;
    const payload = { conversationId: thread.conversationId, lastSeq: lastSeq(thread) };
    socket.timeout(this.ackTimeoutMs()).emit('session:resume', payload, (err, res) => {
      if (session !== this.session) return;
      if (err || !res.ok) {
        // connected but not resumed: sending now could land before the catch-up, so try again
        if (!err && !res.ok) this.update({ ...this.state, notice: res.error.message });
        this.later(() => {
          if (session === this.session && socket.connected) this.resume(socket);
        }, retryDelay(this.attempts++));
        return;
      }
      this.attempts = 0;
      this.store.write('token', res.data.token);
      this.seenSent = { conversationId: '', seq: 0 };
      this.update({ ...applyResume(this.state, res.data), connection: 'online', outbox: this.outbox.list(), notice: null });
      // identity and pages go after the resume, so the server already knows which visitor they are about
      this.extras.flush(socket);
      void this.flush();
    });
  }

  private onDisconnect(socket: VisitorSocket, reason: string): void {
    this.session++;
    this.update({ ...this.state, connection: 'reconnecting', agentTyping: false });
    // socket.io reconnects by itself except when the server or we closed the connection
    if (reason === 'io server disconnect') this.reconnectLater(socket);
  }

  private onConnectError(socket: VisitorSocket, err: Error): void {
    const info = readErrorInfo('data' in err ? err.data : null);
    const connection = this.state.connection === 'connecting' ? 'connecting' : 'reconnecting';
    if (socket.active) {
      // a transport failure (server down, network gone): socket.io keeps retrying with backoff
      this.update({ ...this.state, connection });
      return;
    }
    if (isPermanentRefusal(info)) {
      // the server refused this page for good: retrying would only add load and console noise
      console.warn(`Parley chat is unavailable: ${info?.message ?? err.message}`);
      this.update({ ...this.state, connection: 'failed', notice: 'Chat is not available on this page.' });
      socket.disconnect();
      return;
    }
    this.update({ ...this.state, connection });
    this.reconnectLater(socket);
  }

  private reconnectLater(socket: VisitorSocket): void {
    this.later(() => {
      if (this.socket === socket && !socket.connected && !socket.active) socket.connect();
    }, retryDelay(this.attempts++));
  }

  /** Sends the outbox; a request arriving mid-flush re-runs it so nothing waits for the next connect. */
  private async flush(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.state.connection !== 'online') return;
    if (this.flushing) {
      this.flushRequested = true;
      return;
    }
    this.flushing = true;
    const session = this.session;
    try {
      const result = await flushOutbox<SendResult>(this.outbox, {
        send: (entry) => this.sendEntry(socket, entry),
        canContinue: () => session === this.session && !this.destroyed,
        onStored: (_entry, stored) => {
          this.attempts = 0;
          this.update({ ...applySendResult(this.state, stored), outbox: this.outbox.list() });
        },
        onRejected: (_entry, error) =>
          this.update({ ...this.state, outbox: this.outbox.list(), notice: `Message not sent: ${error.message}` }),
      });
      if (result.kind === 'stalled' && session === this.session) {
        // still connected, yet no ack (slow server, rate limit): same clientMessageId, so resending is safe
        this.later(() => void this.flush(), retryDelay(this.attempts++));
      }
    } finally {
      this.flushing = false;
    }
    if (this.flushRequested) {
      this.flushRequested = false;
      void this.flush();
    }
  }

  private sendEntry(socket: VisitorSocket, entry: OutboxEntry): Promise<SendOutcome<SendResult>> {
    const payload = { clientMessageId: entry.clientMessageId, body: entry.body };
    return new Promise((resolve) => {
      socket.timeout(this.ackTimeoutMs()).emit('message:send', payload, (err, res) => {
        if (err) resolve({ kind: 'retry', error: null });
        else if (res.ok) resolve({ kind: 'stored', result: res.data });
        else if (res.error.code === ErrorCode.InvalidPayload) resolve({ kind: 'rejected', error: res.error });
        else resolve({ kind: 'retry', error: res.error });
      });
    });
  }
}
