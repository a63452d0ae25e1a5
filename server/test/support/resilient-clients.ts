/**
 * @module Clients that behave like the widget and the console across failures: they reconnect by
 * themselves, catch up from their last seq on every (re)connect, resend unacked messages with the
 * same client id, and keep each conversation as seq → message, counting what arrived live, what
 * came by catch-up, and anything seen twice or out of order.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type Ack,
  type ConversationSummary,
  type Message,
  type SendResult,
  type SessionResumeResult,
} from '@parley/shared';

const RECONNECT = { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 500, timeout: 5000 } as const;

/** Messages of one conversation as a participant holds them. */
export class Timeline {
  readonly bySeq = new Map<number, Message>();
  /** The seqs that arrived as live `message:new`, in arrival order. */
  readonly live: number[] = [];
  /** Live arrivals of a seq already held (a message fanned out twice). */
  liveRepeats = 0;
  /** A seq held with two different messages: never allowed. */
  conflicts = 0;

  add(message: Message, live: boolean): boolean {
    const held = this.bySeq.get(message.seq);
    if (live) {
      if (held) this.liveRepeats += held.id === message.id && this.live.includes(message.seq) ? 1 : 0;
      this.live.push(message.seq);
    }
    if (held) {
      if (held.id !== message.id) this.conflicts += 1;
      return false;
    }
    this.bySeq.set(message.seq, message);
    return true;
  }

  /** The highest seq up to which nothing is missing. */
  lastContiguous(): number {
    let seq = 0;
    while (this.bySeq.has(seq + 1)) seq += 1;
    return seq;
  }

  /** Live arrivals in strictly increasing seq order. */
  liveInOrder(): boolean {
    return this.live.every((seq, i) => i === 0 || seq > (this.live[i - 1] ?? 0));
  }
}

async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const res = (await socket.timeout(15_000).emitWithAck(event, payload)) as Ack<T>;
  if (!res.ok) throw new Error(`${event}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

export class ResilientVisitor {
  readonly socket: Socket;
  readonly timeline = new Timeline();
  conversationId: string | null = null;
  token: string | undefined;
  /** Resolves whenever a catch-up (session:resume) completed. */
  resumes = 0;
  readonly #pending = new Map<string, string>();
  /** Each answers whether it is done (and can be dropped). */
  readonly #waiters: Array<() => boolean> = [];

  constructor(url: string, siteKey: string, origin: string) {
    this.socket = io(url + VISITOR_NAMESPACE, {
      ...RECONNECT,
      transports: ['websocket'],
      forceNew: true,
      auth: (cb) => cb(this.token ? { siteKey, token: this.token } : { siteKey }),
      extraHeaders: { origin },
    });
    this.socket.on('connect', () => void this.#resumeUntilDone());
    this.socket.on('message:new', (message: Message) => {
      if (this.conversationId === null || message.conversationId === this.conversationId) {
        this.conversationId = message.conversationId;
        this.timeline.add(message, true);
        this.#notify();
      }
    });
  }

  /** A slow answer (a loaded machine) is asked again; a dropped socket resumes on its next connect. */
  async #resumeUntilDone(): Promise<void> {
    while (this.socket.connected) {
      try {
        await this.#resume();
        return;
      } catch {
        // asked again below while still connected
      }
    }
  }

  async #resume(): Promise<void> {
    const lastSeq = this.timeline.lastContiguous();
    const result = await ask<SessionResumeResult>(this.socket, 'session:resume', {
      conversationId: this.conversationId,
      lastSeq,
    });
    this.token = result.token;
    if (result.conversation) this.conversationId = result.conversation.id;
    for (const message of result.messages) this.timeline.add(message, false);
    this.resumes += 1;
    for (const [clientMessageId, body] of this.#pending) void this.#trySend(clientMessageId, body);
    this.#notify();
  }

  /** Sends until acked, across reconnects, always with the same client id. */
  async send(body: string): Promise<Message> {
    const clientMessageId = randomUUID();
    this.#pending.set(clientMessageId, body);
    void this.#trySend(clientMessageId, body);
    await this.until(() => !this.#pending.has(clientMessageId));
    const sent = [...this.timeline.bySeq.values()].find((m) => m.clientMessageId === clientMessageId);
    if (!sent) throw new Error('acked message missing from the timeline');
    return sent;
  }

  async #trySend(clientMessageId: string, body: string): Promise<void> {
    // while disconnected the next connect resends it; a slow ack is asked again with the same id
    while (this.socket.connected && this.#pending.has(clientMessageId)) {
      try {
        const result = await ask<SendResult>(this.socket, 'message:send', { clientMessageId, body });
        this.conversationId = result.conversation.id;
        this.timeline.add(result.message, false);
        this.#pending.delete(clientMessageId);
        this.#notify();
      } catch {
        // no ack in time (a loaded machine, a dying process): try again, stored once either way
      }
    }
  }

  /** Resolves once `condition` holds, re-checked on every arrival. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return false;
        resolve();
        return true;
      };
      this.#waiters.push(check);
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter()) this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

export class ResilientAgent {
  readonly socket: Socket;
  readonly timelines = new Map<string, Timeline>();
  /** Every conversation:assigned received, in order. */
  readonly assigned: string[] = [];
  /** Called for every visitor message newly held (live or caught up). */
  onVisitorMessage: (message: Message) => void = () => undefined;

  constructor(url: string, cookie: string, options: { reconnection?: boolean } = {}) {
    this.socket = io(url + AGENT_NAMESPACE, {
      ...RECONNECT,
      reconnection: options.reconnection ?? true,
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie },
    });
    this.socket.on('connect', () => void this.#syncUntilDone());
    this.socket.on('conversation:assigned', (conversation: ConversationSummary) => {
      this.assigned.push(conversation.id);
      void this.#catchUp(conversation.id).catch(() => this.#syncUntilDone());
    });
    this.socket.on('message:new', (message: Message) => this.#hold(message, true));
  }

  timeline(conversationId: string): Timeline {
    let timeline = this.timelines.get(conversationId);
    if (!timeline) {
      timeline = new Timeline();
      this.timelines.set(conversationId, timeline);
    }
    return timeline;
  }

  #hold(message: Message, live: boolean): void {
    const isNew = this.timeline(message.conversationId).add(message, live);
    if (isNew && message.author.kind === 'visitor') this.onVisitorMessage(message);
  }

  async #syncUntilDone(): Promise<void> {
    while (this.socket.connected) {
      try {
        await this.#sync();
        return;
      } catch {
        // a slow answer: ask again while connected; a dropped socket syncs on its next connect
      }
    }
  }

  async #sync(): Promise<void> {
    const sync = await ask<{ conversations: ConversationSummary[] }>(this.socket, 'agent:sync', {});
    await Promise.all(sync.conversations.map((c) => this.#catchUp(c.id)));
  }

  async #catchUp(conversationId: string): Promise<void> {
    const afterSeq = this.timeline(conversationId).lastContiguous();
    const history = await ask<{ messages: Message[] }>(this.socket, 'conversation:history', {
      conversationId,
      afterSeq,
    });
    for (const message of history.messages) this.#hold(message, false);
  }

  /** Replies until acked, across reconnects; the client id is derived from what it answers, so a retry is stored once. */
  async reply(conversationId: string, clientMessageId: string, body: string): Promise<Message> {
    for (;;) {
      if (this.socket.connected) {
        try {
          const { message } = await ask<{ message: Message }>(this.socket, 'message:send', {
            conversationId,
            clientMessageId,
            body,
          });
          this.#hold(message, false);
          return message;
        } catch (error) {
          if (error instanceof Error && /forbidden|closed/.test(error.message)) throw error;
        }
      }
      await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}
