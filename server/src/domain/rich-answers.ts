/**
 * @module A visitor's answer to rich content: a quick-reply choice or a form's values. The answer is
 * checked against the offer as the server stored it (never the client's copy), its text is made here
 * from the offer's own labels, and it is stored once: a retry with the same client id answers with
 * the stored message, a second answer to an answered offer is refused (already_answered).
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation, Message, RichAnswer, RichContent } from '@parley/shared';
import { checkFormValues, richFallback } from '@parley/shared/rich-answers';
import { ParleyError, notFound } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { VisitorRef } from './conversations.ts';
import type { EventSink } from './events.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { newId } from './ids.ts';

export interface RichAnswersDeps {
  store: Store;
  events: EventSink;
  now: () => Date;
}

const invalid = (message: string, issues?: Array<{ path: string; message: string }>) =>
  new ParleyError(ErrorCode.InvalidAnswer, message, issues ? { issues } : {});

export class RichAnswers {
  readonly #deps: RichAnswersDeps;
  // one offer's answers one at a time in this process; across processes the unique index decides
  readonly #perOffer = new KeyedMutex();

  constructor(deps: RichAnswersDeps) {
    this.#deps = deps;
  }

  async answer(
    visitor: VisitorRef,
    clientMessageId: string,
    answer: RichAnswer,
  ): Promise<{ message: Message; conversation: Conversation }> {
    const { store } = this.#deps;
    const offer = await store.richMessages.findMessage(answer.messageId);
    const conversation = offer && (await store.conversations.findById(offer.conversationId));
    // someone else's message answers exactly like a missing one: ids are not an oracle
    if (!offer || !conversation || conversation.visitorId !== visitor.visitorId) throw notFound('Message');
    return this.#perOffer.run(offer.id, async () => {
      const earlier = await store.messages.findByClientId(conversation.id, clientMessageId);
      if (earlier) return { message: earlier, conversation: await this.#current(conversation) };
      if (conversation.status === 'closed' || conversation.status === 'offline') {
        throw new ParleyError(ErrorCode.ConversationClosed, 'This conversation is closed');
      }
      const content = answerContent(offer, answer);
      if (await store.richMessages.findAnswer(offer.id)) throw alreadyAnswered();
      const stored = await store.richMessages.appendAnswer(
        {
          id: newId('msg'),
          conversationId: conversation.id,
          clientMessageId,
          author: { kind: 'visitor', id: visitor.visitorId, name: null },
          body: richFallback(content),
          content,
          now: this.#deps.now().toISOString(),
        },
        offer.id,
      );
      if (!stored) {
        // another server stored this client id (a retry that crossed) or another answer first
        const retried = await store.messages.findByClientId(conversation.id, clientMessageId);
        if (retried) return { message: retried, conversation: await this.#current(conversation) };
        throw alreadyAnswered();
      }
      const after = await this.#current(conversation);
      this.#deps.events.publish({ type: 'message.created', conversation: after, message: stored });
      return { message: stored, conversation: after };
    });
  }

  async #current(conversation: Conversation): Promise<Conversation> {
    return (await this.#deps.store.conversations.findById(conversation.id)) ?? conversation;
  }
}

const alreadyAnswered = () => new ParleyError(ErrorCode.AlreadyAnswered, 'This was answered already');

/** The content the answer is stored with, from the offer's own labels; refuses what the offer does not accept. */
function answerContent(offer: Message, answer: RichAnswer): RichContent {
  const content = offer.content;
  if (offer.author.kind === 'visitor' || !content) throw invalid('This message asks nothing to answer');
  if (answer.type === 'quick_reply') {
    if (content.type !== 'quick_replies') throw invalid('This message has no quick replies');
    const option = content.options.find((o) => o.id === answer.optionId);
    if (!option) throw invalid('No such choice', [{ path: 'answer.optionId', message: 'not one of the choices' }]);
    return { type: 'quick_reply_choice', messageId: offer.id, optionId: option.id, label: option.label };
  }
  if (content.type !== 'form') throw invalid('This message has no form');
  const check = checkFormValues(content, answer.values);
  if (check.issues.length > 0) {
    const issues = check.issues.map((issue) => ({ ...issue, path: `answer.${issue.path}` }));
    throw invalid(issues.map((issue) => issue.message).join('; '), issues);
  }
  return { type: 'form_answer', messageId: offer.id, values: check.values };
}
