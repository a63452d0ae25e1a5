/**
 * @module Limits on the sockets: handshakes per address (visitor and console namespaces), open
 * connections per address (counted per process at the transport, so a refused namespace still
 * counts until its connection closes), and, for the widget's events, messages per visitor, other
 * events per visitor, and new conversations per address. A refused handshake is a connect_error
 * with `data: { code: 'rate_limited', message, retryAfterMs }`: clients come back after that.
 */
import type { IncomingMessage } from 'node:http';
import type { Namespace, Server, Socket } from 'socket.io';
import { toParleyError, type ParleyError } from '../errors.ts';
import { addressKey, clientAddress, type TrustFunction } from './client-address.ts';
import type { RateLimit } from './rate-limit.ts';
import { rateLimited } from './rate-limited.ts';

/** A client over the connection cap is told to come back after this long: when a slot frees is unknown. */
const FULL_RETRY_MS = 15_000;

/** What the /visitor namespace asks of the limits. */
export interface VisitorLimits {
  /** The client's address key of a handshake (TRUST_PROXY applied). */
  addressOf(socket: Socket): string;
  /** Throws rate_limited when this visitor has sent too much of `event`'s kind. */
  admitEvent(event: string, visitorId: string): Promise<void>;
  /** Throws rate_limited when `address` has started too many conversations. */
  admitConversation(address: string): Promise<void>;
}

export interface SocketLimitRules {
  handshakes: RateLimit;
  messages: RateLimit;
  events: RateLimit;
  conversations: RateLimit;
  /** Open connections per address in this process. */
  socketsPerAddress: number;
  /** A handshake was refused for the connection cap (metrics). */
  onFull(): void;
}

/** Events that carry a visitor's words: counted as messages, the rest as events. */
const MESSAGE_EVENTS = new Set(['message:send', 'offline:message', 'message:edit', 'message:delete']);

/** The parts of an engine.io connection counted here. */
interface EngineConnection {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): unknown;
}

export class SocketLimits implements VisitorLimits {
  readonly #trust: TrustFunction;
  readonly #rules: SocketLimitRules;
  readonly #open = new Map<string, number>();

  constructor(trust: TrustFunction, rules: SocketLimitRules) {
    this.#trust = trust;
    this.#rules = rules;
  }

  /** Counts `io`'s open connections per address; call before it accepts connections. */
  watch(io: Server): void {
    io.engine.on('connection', (conn: EngineConnection) => {
      const address = this.#addressOfRequest(conn.request);
      this.#open.set(address, (this.#open.get(address) ?? 0) + 1);
      conn.once('close', () => {
        const left = (this.#open.get(address) ?? 1) - 1;
        if (left > 0) this.#open.set(address, left);
        else this.#open.delete(address);
      });
    });
  }

  /** Refuses handshakes over the limits; register before the namespace's own checks (which read the database). */
  guard(nsp: Namespace): void {
    nsp.use((socket, next) => {
      void this.#admitHandshake(socket).then(
        () => next(),
        (error: unknown) => next(handshakeRefusal(toParleyError(error))),
      );
    });
  }

  addressOf(socket: Socket): string {
    return this.#addressOfRequest(socket.request);
  }

  async admitEvent(event: string, visitorId: string): Promise<void> {
    const messages = MESSAGE_EVENTS.has(event);
    const waitMs = await (messages ? this.#rules.messages : this.#rules.events).consume(visitorId);
    if (waitMs > 0) throw rateLimited(messages ? 'Too many messages' : 'Too many events', waitMs);
  }

  async admitConversation(address: string): Promise<void> {
    const waitMs = await this.#rules.conversations.consume(address);
    if (waitMs > 0) throw rateLimited('Too many new conversations from this address', waitMs);
  }

  async #admitHandshake(socket: Socket): Promise<void> {
    const address = this.addressOf(socket);
    // this connection is one of those counted
    if ((this.#open.get(address) ?? 0) > this.#rules.socketsPerAddress) {
      this.#rules.onFull();
      throw rateLimited('Too many connections from this address', FULL_RETRY_MS);
    }
    const waitMs = await this.#rules.handshakes.consume(address);
    if (waitMs > 0) throw rateLimited('Too many connection attempts from this address', waitMs);
  }

  #addressOfRequest(req: IncomingMessage): string {
    return addressKey(clientAddress(req, this.#trust));
  }
}

/** Socket.IO sends `data` to the client with the connect_error. */
function handshakeRefusal(error: ParleyError): Error & { data: ReturnType<ParleyError['toInfo']> } {
  return Object.assign(new Error(error.message), { data: error.toInfo() });
}
