/**
 * @module What a visitor asks for after (or during) a chat: a rating, and a transcript by email
 * (stored here; the mailer sends it later).
 */
import type { Conversation } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import type { VisitorRef } from './conversations.ts';
import { newId } from './ids.ts';

export class ConversationFeedback {
  readonly #store: Store;
  readonly #events: EventSink;
  readonly #now: () => Date;

  constructor(deps: { store: Store; events: EventSink; now: () => Date }) {
    this.#store = deps.store;
    this.#events = deps.events;
    this.#now = deps.now;
  }

  /** Rates the visitor's own conversation once an agent has taken it; rating again replaces it. */
  async rate(
    visitor: VisitorRef,
    conversationId: string,
    rating: number,
    comment: string | undefined,
  ): Promise<Conversation> {
    const conversation = await this.#own(visitor, conversationId);
    // a chat the visitor ended while still queued was never taken: there is nobody to rate
    if ((conversation.status !== 'active' && conversation.status !== 'closed') || conversation.assignedAt === null) {
      throw new ParleyError(ErrorCode.Conflict, 'Only a conversation an agent has taken can be rated');
    }
    const rated = (await this.#store.conversations.rate(conversation.id, rating, comment ?? null)) ?? conversation;
    this.#events.publish({ type: 'conversation.updated', conversation: rated });
    return rated;
  }

  async requestTranscript(visitor: VisitorRef, conversationId: string, email: string): Promise<void> {
    const conversation = await this.#own(visitor, conversationId);
    await this.#store.transcriptRequests.create({
      id: newId('trq'),
      conversationId: conversation.id,
      email,
      now: this.#now().toISOString(),
    });
  }

  async #own(visitor: VisitorRef, conversationId: string): Promise<Conversation> {
    const conversation = await this.#store.conversations.findById(conversationId);
    // Someone else's conversation answers exactly like a missing one: ids are not an oracle.
    if (!conversation || conversation.visitorId !== visitor.visitorId) throw notFound('Conversation');
    return conversation;
  }
}
