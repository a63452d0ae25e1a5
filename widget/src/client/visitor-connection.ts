/**
 * @module The connection's life: open the socket, resume the session on every connect (nothing is
 * sent before the server has answered the resume), and come back after a drop or a refusal with
 * backoff (after a rate limit, when the server said), except when it refused this page for good.
 */
import type { SessionResumeResult } from '@parley/shared';
import type { Backoff } from '@parley/shared/client-core';
import type { ConnectionState, NoticeKey } from './chat-state.ts';
import { isPermanentRefusal, readErrorInfo } from './error-info.ts';
import type { TimerSet } from './timer-set.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export interface ConnectionHooks {
  /** Attaches the server's push listeners to a new socket, before it connects. */
  listen(socket: VisitorSocket): void;
  /** The conversation the widget holds messages of, and the highest seq it holds there. */
  held(): { conversationId: string | null; lastSeq: number };
  /** The session is resumed on this connection: sending may start. */
  resumed(socket: VisitorSocket, result: SessionResumeResult): void;
  /** `connection` null: unchanged. */
  changed(connection: ConnectionState | null, notice?: NoticeKey): void;
}

export class VisitorConnection {
  socket: VisitorSocket | null = null;
  /** Bumped on every connect and disconnect: answers from an older connection are ignored. */
  session = 0;
  /** Whether this socket was connected before: failures then read as reconnecting, not connecting. */
  #lost = false;

  readonly #create: () => VisitorSocket;
  readonly #hooks: ConnectionHooks;
  readonly #backoff: Backoff;
  readonly #timers: TimerSet;
  readonly #ackTimeoutMs: number;

  constructor(
    create: () => VisitorSocket,
    hooks: ConnectionHooks,
    backoff: Backoff,
    timers: TimerSet,
    ackTimeoutMs: number,
  ) {
    this.#create = create;
    this.#hooks = hooks;
    this.#backoff = backoff;
    this.#timers = timers;
    this.#ackTimeoutMs = ackTimeoutMs;
  }

  open(): void {
    if (this.socket) return;
    const socket = this.#create();
    this.socket = socket;
    this.#lost = false;
    this.#hooks.listen(socket);
    socket.on('connect', () => this.#resume(socket));
    socket.on('disconnect', (reason) => {
      this.session++;
      this.#lost = true;
      this.#hooks.changed('reconnecting');
      // socket.io reconnects by itself except when the server or we closed the connection
      if (reason === 'io server disconnect') this.#reconnectLater(socket);
    });
    socket.on('connect_error', (err) => this.#refused(socket, err));
    this.#hooks.changed('connecting');
    socket.connect();
  }

  /** Try now instead of waiting out the backoff; true when the connection is already up. */
  wake(): boolean {
    const socket = this.socket;
    if (!socket || socket.connected) return socket !== null;
    socket.connect();
    return false;
  }

  close(): void {
    this.session++;
    const socket = this.socket;
    this.socket = null;
    socket?.off();
    socket?.disconnect();
  }

  #resume(socket: VisitorSocket): void {
    const session = ++this.session;
    socket.timeout(this.#ackTimeoutMs).emit('session:resume', this.#hooks.held(), (err, res) => {
      if (session !== this.session) return;
      if (!err && res.ok) {
        this.#backoff.reset();
        this.#hooks.resumed(socket, res.data);
        return;
      }
      // connected but not resumed: sending now could land before the catch-up, so try again
      if (!err && !res.ok) {
        console.warn(`Parley chat: resume was refused: ${res.error.message}`);
        this.#hooks.changed(null, 'connectFailed');
      }
      this.#timers.later(() => {
        if (session === this.session && socket.connected) this.#resume(socket);
      }, this.#backoff.next());
    });
  }

  #refused(socket: VisitorSocket, err: Error): void {
    const info = readErrorInfo('data' in err ? err.data : null);
    const state = this.#lost ? 'reconnecting' : 'connecting';
    if (socket.active) {
      // a transport failure (server down, network gone): socket.io keeps retrying with backoff
      this.#hooks.changed(state);
      return;
    }
    if (isPermanentRefusal(info)) {
      // the server refused this page for good: retrying would only add load and console noise
      console.warn(`Parley chat is unavailable: ${info?.message ?? err.message}`);
      this.#hooks.changed('failed', 'unavailable');
      socket.disconnect();
      return;
    }
    this.#hooks.changed(state);
    // too many connections from this address: come back when the server said, not sooner
    this.#reconnectLater(socket, info?.code === 'rate_limited' ? info.retryAfterMs : undefined);
  }

  #reconnectLater(socket: VisitorSocket, waitMs?: number): void {
    this.#timers.later(() => {
      if (this.socket === socket && !socket.connected && !socket.active) socket.connect();
    }, waitMs ?? this.#backoff.next());
  }
}
