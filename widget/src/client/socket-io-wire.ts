/**
 * @module The visitor's Socket.IO connection, spoken directly over the browser's WebSocket: the
 * Engine.IO v4 / Socket.IO v5 text protocol for one namespace, JSON only, no long-polling, no
 * upgrades, no binary. socket.io-client carries all of those and cost the widget ~8 KB gzipped of
 * its 30 KB budget; what the widget runs of it is this file. The server is unchanged Socket.IO.
 *
 * It keeps socket.io-client's behaviour where the chat relies on it (VisitorSocket): emits made
 * while disconnected wait for the next connect, timed acks fail on timeout and on disconnect, a
 * dropped transport reconnects by itself with backoff, an attempt that does not get through in
 * time counts as failed (its `timeout`), and a refusal by the server's middleware (`connect_error`
 * with `data`) or a server-side disconnect leaves `active` false and stays down.
 */
import { createBackoff } from '@parley/shared/client-core';
import { RECONNECT_MAX_MS } from '@parley/shared/limits';
import type { SocketFactory, TimedAck, TimedEmitter, VisitorSocket } from './visitor-socket.ts';

type Listener = (...args: never[]) => void;
type Callback = (...args: unknown[]) => void;

/**
 * Opens nothing yet: the client attaches its listeners first, then connects. WebSocket only, no
 * long-polling fallback, which keeps the server's sticky-session story simple. The handshake is a
 * function, so every reconnect presents the token the latest resume handed out.
 */
export function createVisitorSocket(serverUrl: string): SocketFactory {
  return (handshake) => new SocketIoWire(new URL(serverUrl).origin, '/visitor', handshake);
}

export class SocketIoWire implements VisitorSocket {
  connected = false;
  active = false;
  #ws: WebSocket | null = null;
  #listeners = new Map<string, Callback[]>();
  /** Acks by packet id; a packet id is also how a timed-out emit is taken back out of the buffer. */
  #acks = new Map<number, Callback>();
  #ids = 0;
  #buffer: Array<[id: number | undefined, packet: string]> = [];
  /** Like socket.io-client's reconnection: 1 s doubling to 5 s, jittered. */
  #backoff = createBackoff(RECONNECT_MAX_MS);
  #retry: ReturnType<typeof setTimeout> | undefined;
  #heartbeat: ReturnType<typeof setTimeout> | undefined;
  #pingWindow = 45_000;
  /** Gives up on the attempt under way when it has not reached the namespace in time. */
  #giveUp: ReturnType<typeof setTimeout> | undefined;

  /**
   * `url`: the server's origin; `auth` is read on every (re)connect, like socket.io-client's auth
   * function. `connectTimeoutMs`: how long one attempt may take from opening the WebSocket to the
   * namespace's answer (socket.io-client's `timeout`, 20 s by default) before it is retried.
   */
  constructor(
    readonly url: string,
    readonly nsp: string,
    readonly auth: () => object,
    readonly connectTimeoutMs = 20_000,
  ) {}

  connect(): this {
    clearTimeout(this.#retry);
    this.active = true;
    if (!this.#ws) this.#open();
    return this;
  }

  disconnect(): this {
    if (this.connected) this.#write(`41${this.nsp},`);
    this.active = false;
    clearTimeout(this.#retry);
    this.#close('io client disconnect');
    return this;
  }

  off(): this {
    this.#listeners.clear();
    return this;
  }

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as Callback]);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.#packet(undefined, [event, ...args]);
    return this;
  }

  timeout(ms: number): TimedEmitter {
    return {
      emit: (event: string, payload: unknown, ack: TimedAck<never>) => {
        const id = this.#ids++;
        const timer = setTimeout(() => {
          this.#acks.delete(id);
          this.#buffer = this.#buffer.filter(([queued]) => queued !== id);
          (ack as Callback)(new Error('operation has timed out'));
        }, ms);
        this.#acks.set(id, (err, res) => {
          clearTimeout(timer);
          (ack as Callback)(err, res);
        });
        this.#packet(id, [event, payload]);
      },
    };
  }

  #packet(id: number | undefined, data: unknown[]): void {
    const packet = `42${this.nsp},${id ?? ''}${JSON.stringify(data)}`;
    if (this.connected) this.#write(packet);
    else this.#buffer.push([id, packet]);
  }

  #write(packet: string): void {
    this.#ws?.send(packet);
  }

  #fire(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(...args);
  }

  #open(): void {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    this.#ws = ws;
    // Without this an attempt that never completes is never retried: a SYN nobody answers, a proxy
    // that holds the upgrade, a handshake the server never answers. The browser may wait minutes
    // before calling that a failure, and the server's pings keep alive a namespace that never answers.
    this.#giveUp = setTimeout(() => {
      if (!this.connected) this.#lost('connect timeout');
    }, this.connectTimeoutMs);
    ws.onmessage = ({ data }) => {
      try {
        this.#receive(String(data));
      } catch {
        // a packet we cannot read: drop the connection and start over, as socket.io-client does
        this.#lost('parse error');
      }
    };
    ws.onclose = () => this.#lost('transport close');
  }

  #receive(frame: string): void {
    const type = frame[0];
    if (type === '0') {
      const { pingInterval, pingTimeout } = JSON.parse(frame.slice(1)) as { pingInterval: number; pingTimeout: number };
      // the server pings every pingInterval and waits pingTimeout for the answer
      this.#pingWindow = pingInterval + pingTimeout;
      this.#heartbeatIn(this.#pingWindow);
      this.#write(`40${this.nsp},${JSON.stringify(this.auth())}`);
    } else if (type === '2') {
      this.#heartbeatIn(this.#pingWindow);
      this.#write('3');
    } else if (type === '1') {
      this.#lost('transport close');
    } else if (type === '4') {
      this.#message(frame.slice(1));
    }
  }

  #message(packet: string): void {
    const prefix = `${this.nsp},`;
    const type = packet[0];
    let rest = packet.slice(1);
    if (!rest.startsWith(prefix)) return;
    rest = rest.slice(prefix.length);
    const digits = /^\d*/.exec(rest)?.[0] ?? '';
    const body: unknown = rest.length > digits.length ? JSON.parse(rest.slice(digits.length)) : undefined;
    // an event's or an ack's arguments: unknown until the listener's own checks
    const list: unknown[] | null = Array.isArray(body) ? body : null;
    if (type === '0') {
      this.connected = true;
      this.#backoff.reset();
      const buffered = this.#buffer;
      this.#buffer = [];
      for (const [, queued] of buffered) this.#write(queued);
      this.#fire('connect');
    } else if (type === '2' && list) {
      this.#fire(String(list[0]), ...list.slice(1));
    } else if (type === '3' && list) {
      const ack = this.#acks.get(Number(digits));
      this.#acks.delete(Number(digits));
      ack?.(null, ...list);
    } else if (type === '4') {
      // the server's middleware refused the handshake: like socket.io-client, do not retry here;
      // VisitorConnection decides (after retryAfterMs for rate_limited, never for a refused page)
      const { message, data } = (body ?? {}) as { message?: string; data?: unknown };
      this.active = false;
      this.#close('io server disconnect');
      this.#fire('connect_error', Object.assign(new Error(message), { data }));
    } else if (type === '1') {
      this.active = false;
      this.#close('io server disconnect');
    }
  }

  #heartbeatIn(ms: number): void {
    clearTimeout(this.#heartbeat);
    // no ping in time: the connection is dead even if the browser has not noticed
    this.#heartbeat = setTimeout(() => this.#lost('ping timeout'), ms);
  }

  /** The transport went away by itself: reconnect later unless the server or we ended it. */
  #lost(reason: string): void {
    const wasConnected = this.connected;
    this.#close(reason);
    if (!this.active) return;
    if (!wasConnected) this.#fire('connect_error', new Error('websocket error'));
    this.#retry = setTimeout(() => this.#open(), this.#backoff.next());
  }

  #close(reason: string): void {
    const ws = this.#ws;
    this.#ws = null;
    clearTimeout(this.#heartbeat);
    clearTimeout(this.#giveUp);
    if (ws) {
      ws.onclose = ws.onmessage = null;
      ws.close();
    }
    if (!this.connected) return;
    this.connected = false;
    // timed acks of packets already sent cannot be answered on the next connection
    const buffered = new Set(this.#buffer.map(([id]) => id));
    for (const [id, ack] of this.#acks) {
      if (buffered.has(id)) continue;
      this.#acks.delete(id);
      ack(new Error('socket has been disconnected'));
    }
    this.#fire('disconnect', reason);
  }
}
