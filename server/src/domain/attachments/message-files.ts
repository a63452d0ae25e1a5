/**
 * @module Messages that carry files: the send of either side that links its sender's uploads to the
 * message in the message's own write (store: appendWithAttachments), and opening a visitor's
 * conversation for a first message that starts with a file.
 *
 * Why an upload may open the conversation: a file needs a conversation to belong to (its storage
 * key, its access rule and its retention all hang on it), and a visitor whose first message is a
 * screenshot has none yet. Opening it at the upload, with the checks message:send makes (business
 * hours, the limit on new conversations), keeps every file owned by a real conversation from its
 * first byte; there is no half-owned "pending" upload that would need its own sweep, access rule
 * and export path. Sites that let visitors upload only after an agent answered (the default) never
 * get here: their visitors upload into a conversation that already exists.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation, Message, MessageQuote, OfferContent, VisitorContact } from '@parley/shared';
import { ParleyError, forbidden, notFound } from '../../errors.ts';
import type { AgentRecord } from '../../store/agent-store.ts';
import { AttachmentsNotLinkable, ConversationNotOpen, type AttachmentLink } from '../../store/attachment-store.ts';
import type { AppendedMessage, NewMessage } from '../../store/message-store.ts';
import type { Store } from '../../store/store.ts';
import type { EventSink } from '../events.ts';
import type { QueueDispatcher } from '../queue-dispatcher.ts';
import type { Conversations, VisitorRef } from '../conversations.ts';
import { isWithinBusinessHours } from '../business-hours.ts';
import { newId } from '../ids.ts';

export interface MessageFilesDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  conversations: Conversations;
  now: () => Date;
}

type Sent = { message: Message; conversation: Conversation };

/** What a message with files may carry beside them: text, rich content (agents), a quote (either side). */
interface FilesMessage {
  clientMessageId: string;
  body: string;
  attachmentIds: readonly string[];
  content?: OfferContent | undefined;
  /** Checked by message-edits.ts before the send: a message of the same conversation, as it reads now. */
  replyTo?: MessageQuote | undefined;
}

export class MessageFiles {
  readonly #deps: MessageFilesDeps;

  constructor(deps: MessageFilesDeps) {
    this.#deps = deps;
  }

  /** A visitor's message with files, into the open conversation the files were uploaded into. */
  async sendFromVisitor(
    visitor: VisitorRef,
    input: Omit<FilesMessage, 'content'> & { contact?: VisitorContact | undefined },
  ): Promise<Sent> {
    const { store } = this.#deps;
    return this.#deps.conversations.perVisitor.run(visitor.visitorId, async () => {
      const contact = input.contact ?? {};
      if (contact.name !== undefined || contact.email !== undefined)
        await store.visitors.updateProfile(visitor.visitorId, visitor.siteId, contact, this.#now());
      // a retry (even after the conversation closed) answers with the stored message, files and all
      const earlier = await store.messages.findByVisitorClientId(visitor.visitorId, input.clientMessageId);
      const earlierConversation = earlier && (await store.conversations.findById(earlier.conversationId));
      if (earlier && earlierConversation) return { message: earlier, conversation: earlierConversation };
      const open = await store.conversations.findOpenByVisitor(visitor.visitorId);
      if (!open) throw ended();
      const result = await this.#append(
        { ...this.#message(open.id, input), author: { kind: 'visitor', id: visitor.visitorId, name: null } },
        { ids: input.attachmentIds, uploader: { kind: 'visitor', id: visitor.visitorId } },
        input.replyTo,
      );
      if (result.conversation.status === 'queued') this.#deps.dispatcher.announceQueue();
      return result;
    });
  }

  /** An agent's message with files, into a conversation they hold. */
  async sendFromAgent(agent: AgentRecord, conversationId: string, input: FilesMessage): Promise<Sent> {
    const { store } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    if (conversation.agent?.id !== agent.id) throw forbidden('This conversation is not assigned to you');
    const earlier = await store.messages.findByClientId(conversation.id, input.clientMessageId);
    if (earlier) return { message: earlier, conversation };
    if (conversation.status !== 'active') throw ended();
    return this.#append(
      { ...this.#message(conversation.id, input), author: { kind: 'agent', id: agent.id, name: agent.name } },
      { ids: input.attachmentIds, uploader: { kind: 'agent', id: agent.id } },
      input.replyTo,
    );
  }

  /**
   * The visitor's open conversation, or a new one for a first message that starts with a file (see
   * the module comment). `beforeOpen` may refuse (the limit on new conversations): nothing is stored then.
   */
  async openForUpload(visitor: VisitorRef, beforeOpen: () => Promise<void>): Promise<Conversation> {
    const { store } = this.#deps;
    return this.#deps.conversations.perVisitor.run(visitor.visitorId, async () => {
      const open = await store.conversations.findOpenByVisitor(visitor.visitorId);
      if (open) return open;
      const site = await store.sites.findById(visitor.siteId);
      if (site && !isWithinBusinessHours(site.businessHours, this.#deps.now()))
        throw new ParleyError(ErrorCode.Unavailable, 'Outside business hours: leave a message instead');
      await beforeOpen();
      const now = this.#now();
      await store.visitors.ensure(visitor.visitorId, visitor.siteId, now);
      const conversation = await store.conversations.create({ id: newId('conv'), ...visitor, now, origin: null });
      this.#deps.events.publish({ type: 'conversation.created', conversation });
      await this.#deps.dispatcher.drain();
      return (await store.conversations.findById(conversation.id)) ?? conversation;
    });
  }

  #message(conversationId: string, input: FilesMessage): Omit<NewMessage, 'author'> {
    return {
      id: newId('msg'),
      conversationId,
      clientMessageId: input.clientMessageId,
      body: input.body,
      content: input.content ?? null,
      replyToId: input.replyTo?.id ?? null,
      now: this.#now(),
    };
  }

  async #append(draft: NewMessage, link: AttachmentLink, replyTo?: MessageQuote): Promise<Sent> {
    let appended: AppendedMessage;
    try {
      appended = await this.#deps.store.messages.appendWithAttachments(draft, link);
    } catch (error) {
      if (error instanceof AttachmentsNotLinkable)
        throw new ParleyError(
          ErrorCode.AttachmentNotLinkable,
          'A file in this message cannot be sent here: it belongs to another chat or sender, or was sent already. Attach it again.',
        );
      if (error instanceof ConversationNotOpen) throw ended();
      throw error;
    }
    const { created, conversation } = appended;
    // the write returns no quote: a reply carries the one checked before it, as Conversations does
    const message = replyTo ? { ...appended.message, replyTo } : appended.message;
    if (created) this.#deps.events.publish({ type: 'message.created', conversation, message });
    return { message, conversation };
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}

const ended = (): ParleyError =>
  new ParleyError(ErrorCode.ConversationClosed, 'This chat has ended: its files cannot be sent any more.');
