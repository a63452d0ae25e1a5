/**
 * @module The visitor's requests about a conversation, each a single ask the server answers or not:
 * close it, rate it, have its transcript emailed, leave a message while no agent is online, be
 * answered by email instead of waiting. The state follows the answer; no answer changes nothing
 * (or says "try again"), and the UI learns from the promise whether the server took it.
 */
import type { Conversation, OfflineMessage, SendResult } from '@parley/shared';
import { newClientMessageId } from '@parley/shared/client-core';
import type { ChatContext } from './chat-context.ts';
import { applyConversation, applySendResult } from './chat-state.ts';
import { ask } from './socket-request.ts';
import type { TimedAck, TimedEmitter } from './visitor-socket.ts';

export class ConversationRequests {
  readonly #chat: ChatContext;
  /** The id of the offline message being left: kept until it is stored, so a retry is stored once. */
  #offlineId: string | null = null;

  constructor(chat: ChatContext) {
    this.#chat = chat;
  }

  close(conversationId: string): void {
    void this.#ask<Conversation>((socket, ack) => socket.emit('conversation:close', { conversationId }, ack)).then(
      (closed) => {
        const state = this.#chat.state();
        this.#chat.update(closed ? applyConversation(state, closed) : { ...state, notice: 'tryAgain' });
      },
    );
  }

  /** Rates the conversation (1–5); resolves false when the server did not take it. */
  async rate(rating: number, comment: string): Promise<boolean> {
    const id = this.#chat.state().conversation?.id;
    if (!id) return false;
    const payload = comment.trim()
      ? { conversationId: id, rating, comment: comment.trim() }
      : { conversationId: id, rating };
    const rated = await this.#ask<Conversation>((socket, ack) => socket.emit('conversation:rate', payload, ack));
    if (rated) this.#chat.update(applyConversation(this.#chat.state(), rated));
    return rated !== null;
  }

  /** Asks for the conversation's transcript by email; resolves false when the server did not take it. */
  async requestTranscript(email: string): Promise<boolean> {
    const id = this.#chat.state().conversation?.id;
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
      const { refused: _sent, ...next } = applySendResult(this.#chat.state(), left);
      this.#chat.update(next);
    }
    return left !== null;
  }

  /** "Answer me by email instead" while queued; resolves false when the server did not take it. */
  async emailInstead(email: string): Promise<boolean> {
    // offered only while queued, so there is a conversation; the server refuses anything else
    const conversationId = this.#chat.state().conversation?.id ?? '';
    // the conversation:updated push that comes with it moves the panel on
    return (
      (await this.#ask<Conversation>((socket, ack) =>
        socket.emit('ticket:request', { conversationId, email }, ack),
      )) !== null
    );
  }

  /** The visitor was reset: an offline message being left belonged to the previous one. */
  reset(): void {
    this.#offlineId = null;
  }

  #ask<T>(emit: (socket: TimedEmitter, ack: TimedAck<T>) => unknown): Promise<T | null> {
    return ask(this.#chat.online(), this.#chat.ackTimeoutMs, emit);
  }
}
