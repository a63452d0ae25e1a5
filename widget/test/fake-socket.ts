/**
 * A stand-in for the socket.io-client Socket, playing the server's side by hand: tests accept or
 * refuse the handshake, answer acks, push events and drop the transport, and wait for what the
 * client emits without sleeping. It mimics socket.io-client 4.8 where the client relies on it:
 * `active` is false after a middleware refusal, and pending timed acks fail on disconnect.
 */
import type { Ack, VisitorHandshake, VisitorServerToClient } from '@parley/shared';
import type { TimedAck, TimedEmitter, VisitorSocket } from '../src/client/visitor-socket.ts';

type Listener = (...args: never[]) => void;

export interface Request {
  event: string;
  payload: Record<string, unknown>;
  reply(res: Ack<unknown>): void;
  fail(message?: string): void;
}

export interface Notification {
  event: string;
  payload: Record<string, unknown>;
}

export class FakeSocket implements VisitorSocket {
  connected = false;
  active = false;
  connectCalls = 0;
  readonly handshakes: VisitorHandshake[] = [];
  readonly notifications: Notification[] = [];
  /** Requests emitted and not yet answered, oldest first. */
  readonly pending: Request[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private readonly waiters: Array<{ event: string; resolve(request: Request): void }> = [];

  constructor(private readonly handshake: () => VisitorHandshake) {}

  connect(): this {
    this.connectCalls++;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.active = false;
    if (this.connected) this.drop('io client disconnect');
    return this;
  }

  off(): this {
    this.listeners.clear();
    return this;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: 'typing:start' | 'typing:stop', payload: { conversationId: string }): this {
    this.notifications.push({ event, payload });
    return this;
  }

  timeout(_ms: number): TimedEmitter {
    return {
      emit: (event: string, payload: Record<string, unknown>, ack: TimedAck<never>) => {
        const settle = (err: Error | null, res: Ack<unknown> | undefined): void => {
          const index = this.pending.indexOf(request);
          if (index === -1) return;
          this.pending.splice(index, 1);
          (ack as (err: Error | null, res: Ack<unknown> | undefined) => void)(err, res);
        };
        const request: Request = {
          event,
          payload,
          reply: (res) => settle(null, res),
          fail: (message = 'operation has timed out') => settle(new Error(message), undefined),
        };
        this.pending.push(request);
        const waiter = this.waiters.findIndex((w) => w.event === event);
        if (waiter !== -1) this.waiters.splice(waiter, 1)[0]?.resolve(request);
      },
    };
  }

  // ---- the server's side ----

  /** The handshake succeeded. */
  accept(): void {
    // socket.io-client calls the auth function for every (re)connection, as here
    this.handshakes.push(this.handshake());
    this.connected = true;
    this.fire('connect');
  }

  /** The server's middleware refused the handshake with `data`; socket.io-client stops retrying. */
  refuse(data: { code: string; message: string }): void {
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(data.message), { data }));
  }

  /** The connection broke; socket.io-client would reconnect by itself (the test calls accept()). */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
    // like socket.io-client's _clearAcks: every pending timed ack fails at once
    for (const request of [...this.pending]) request.fail('socket has been disconnected');
  }

  push<E extends keyof VisitorServerToClient>(event: E, payload: Parameters<VisitorServerToClient[E]>[0]): void {
    this.fire(event, payload);
  }

  /** The oldest unanswered request for `event`, or the next one the client emits. */
  request(event: string): Promise<Request> {
    const found = this.pending.find((r) => r.event === event);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ event, resolve }));
  }

  pendingOf(event: string): Request[] {
    return this.pending.filter((r) => r.event === event);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}
