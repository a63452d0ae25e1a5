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
import type { VisitorMailLimits } from './visitor-mail-limits.ts';

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const alreadySent = () =>
  new ParleyError(ErrorCode.Conflict, 'The transcript of this conversation was already sent to another address');

export class ConversationFeedback {
  readonly #store: Store;
  readonly #events: EventSink;
  readonly #now: () => Date;
  readonly #mailLimits: VisitorMailLimits;

  constructor(deps: { store: Store; events: EventSink; now: () => Date; mailLimits: VisitorMailLimits }) {
    this.#store = deps.store;
    this.#mailLimits = deps.mailLimits;
    this.#events = deps.events;
    this.#now = deps.now;
  }

  /** Rates the visitor's own conversation once an agent (or the bot) answered it; rating again replaces it. */
  async rate(
    visitor: VisitorRef,
    conversationId: string,
    rating: number,
    comment: string | undefined,
  ): Promise<Conversation> {
    const conversation = await this.#own(visitor, conversationId);
    // a chat the visitor ended while still queued was never taken: there is nobody to rate; one the
    // answer bot resolved (issue 22) was answered by the bot, which is rated like an agent
    const answered = conversation.assignedAt !== null || conversation.closedBy === 'bot';
    if ((conversation.status !== 'active' && conversation.status !== 'closed') || !answered) {
      throw new ParleyError(ErrorCode.Conflict, 'Only a conversation an agent has taken can be rated');
    }
    const rated = (await this.#store.conversations.rate(conversation.id, rating, comment ?? null)) ?? conversation;
    this.#events.publish({ type: 'conversation.updated', conversation: rated });
    this.#events.publish({ type: 'conversation.rated', conversation: rated });
    return rated;
  }

  /**
   * One address per conversation: asking again before the transcript is sent points it at the new
   * address (within the limits on mail to visitor-given addresses); once sent, only the same
   * address is accepted, and mails nothing more.
   */
  async requestTranscript(visitor: VisitorRef, conversationId: string, email: string): Promise<void> {
    const conversation = await this.#own(visitor, conversationId);
    const existing = await this.#store.transcriptRequests.findByConversation(conversation.id);
    if (existing && sameAddress(existing.email, email)) return;
    if (existing?.sentAt) throw alreadySent();
    await this.#mailLimits.check({ siteId: conversation.siteId, visitorId: visitor.visitorId, address: email });
    const stored = await this.#store.transcriptRequests.request({
      id: newId('trq'),
      conversationId: conversation.id,
      email,
      now: this.#now().toISOString(),
    });
    if (!stored) throw alreadySent();
  }

  async #own(visitor: VisitorRef, conversationId: string): Promise<Conversation> {
    const conversation = await this.#store.conversations.findById(conversationId);
    // Someone else's conversation answers exactly like a missing one: ids are not an oracle.
    if (!conversation || conversation.visitorId !== visitor.visitorId) throw notFound('Conversation');
    return conversation;
  }
}
