/**
 * @module Quoted replies, edits and deletes (issue 19). Only a message's author changes it: an agent
 * any time, a visitor within the edit window. Every change is numbered per conversation and stored
 * with the text it replaced (admins read those revisions); a deleted message keeps its place with no
 * text, so nobody but an admin reading the audit ever receives it again.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation, Message, MessageEdit, MessageQuote, MessageRevision } from '@parley/shared';
import { toQuote } from '@parley/shared/client-core';
import { ParleyError, forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { Actor, VisitorRef } from './conversations.ts';
import type { EventSink } from './events.ts';
import { newId } from './ids.ts';

/** Upper bound of changes one resume or history answer carries (a client missing more reloads the page). */
export const CHANGES_PAGE = 1000;

export interface MessageEditsDeps {
  store: Store;
  events: EventSink;
  now: () => Date;
  /** How long after sending a visitor may still edit or delete (MESSAGE_EDIT_WINDOW_SECONDS). */
  visitorWindowSeconds: number;
}

interface MessageRef {
  conversationId: string;
  messageId: string;
}

export class MessageEdits {
  readonly #deps: MessageEditsDeps;

  constructor(deps: MessageEditsDeps) {
    this.#deps = deps;
  }

  async edit(actor: Actor, input: MessageEdit): Promise<{ message: Message }> {
    const { conversation, message } = await this.#ownMessage(actor, input);
    if (message.deletedAt) throw new ParleyError(ErrorCode.MessageDeleted, 'This message was deleted');
    // the same text again changes nothing, and needs no revision
    if (message.body === input.body) return { message };
    return this.#apply(actor, conversation, input.messageId, 'edit', input.body, input.clientChangeId);
  }

  async remove(actor: Actor, ref: MessageRef): Promise<{ message: Message }> {
    const { conversation, message } = await this.#ownMessage(actor, ref);
    // deleting twice (a retry) answers with the deleted message
    if (message.deletedAt) return { message };
    return this.#apply(actor, conversation, ref.messageId, 'delete', '', null);
  }

  /** An admin's audit: every change of the message with the text it replaced. */
  async revisions(agent: AgentRecord, ref: MessageRef): Promise<{ revisions: MessageRevision[] }> {
    if (agent.role !== 'admin') throw forbidden('Only admins read the revisions of a message');
    const message = await this.#deps.store.messageChanges.findById(ref.messageId);
    if (message?.conversationId !== ref.conversationId) throw notFound('Message');
    return { revisions: await this.#deps.store.messageChanges.revisions(ref.messageId) };
  }

  /** The quote a visitor's reply carries: a message of one of their conversations, not deleted. */
  async quoteForVisitor(visitor: VisitorRef, replyToId: string): Promise<MessageQuote> {
    const original = await this.#deps.store.messageChanges.findById(replyToId);
    const conversation = original && (await this.#deps.store.conversations.findById(original.conversationId));
    if (!original || conversation?.visitorId !== visitor.visitorId) throw notFound('Quoted message');
    return quoteOf(original);
  }

  /** The quote an agent's reply in conversationId carries: a message of that conversation, not deleted. */
  async quoteForAgent(conversationId: string, replyToId: string): Promise<MessageQuote> {
    const original = await this.#deps.store.messageChanges.findById(replyToId);
    if (original?.conversationId !== conversationId) throw notFound('Quoted message');
    return quoteOf(original);
  }

  /**
   * What a client holding messages up to lastSeq of heldConversationId, with changes up to
   * lastChangeSeq, has missed: messages it holds that changed since. Undefined when it asked for
   * none (an older client) or held another conversation (it gets every message anew).
   */
  async changesFor(
    conversation: Conversation | null,
    heldConversationId: string | null,
    lastSeq: number,
    lastChangeSeq: number | undefined,
  ): Promise<Message[] | undefined> {
    if (!conversation || lastChangeSeq === undefined || conversation.id !== heldConversationId) return undefined;
    return this.#deps.store.messageChanges.listChangedSince(conversation.id, lastChangeSeq, lastSeq, CHANGES_PAGE);
  }

  async #apply(
    actor: Actor,
    conversation: Conversation,
    messageId: string,
    action: 'edit' | 'delete',
    body: string,
    clientChangeId: string | null,
  ): Promise<{ message: Message }> {
    const { message, changed } = await this.#deps.store.messageChanges.apply({
      revisionId: newId('rev'),
      messageId,
      action,
      body,
      actor:
        actor.side === 'visitor'
          ? { kind: 'visitor', id: actor.visitor.visitorId, name: null }
          : { kind: 'agent', id: actor.agent.id, name: actor.agent.name },
      clientChangeId,
      now: this.#deps.now().toISOString(),
    });
    // a retry answers with the message as it is and tells nobody again
    if (changed) this.#deps.events.publish({ type: 'message.changed', conversation, message });
    return { message };
  }

  /** The message and its conversation, if the actor wrote it and may still change it. */
  async #ownMessage(actor: Actor, ref: MessageRef): Promise<{ conversation: Conversation; message: Message }> {
    const { store } = this.#deps;
    const conversation = await store.conversations.findById(ref.conversationId);
    const message = await store.messageChanges.findById(ref.messageId);
    // someone else's conversation answers like a missing one: ids are not an oracle
    if (!conversation || message?.conversationId !== conversation.id) throw notFound('Message');
    if (actor.side === 'visitor' && conversation.visitorId !== actor.visitor.visitorId) throw notFound('Message');
    const authorId = actor.side === 'visitor' ? actor.visitor.visitorId : actor.agent.id;
    if (message.author.kind !== actor.side || message.author.id !== authorId) {
      throw new ParleyError(ErrorCode.NotYourMessage, 'Only its author can change a message');
    }
    // an email ticket's messages went out by mail already: changing them here would not change those
    if (conversation.status === 'offline') {
      throw new ParleyError(ErrorCode.ConversationClosed, 'Messages of an email ticket cannot be changed');
    }
    if (actor.side === 'visitor') {
      const age = this.#deps.now().getTime() - Date.parse(message.createdAt);
      if (age > this.#deps.visitorWindowSeconds * 1000) {
        throw new ParleyError(ErrorCode.EditWindowPassed, 'This message can no longer be changed');
      }
    }
    return { conversation, message };
  }
}

function quoteOf(original: Message): MessageQuote {
  if (original.deletedAt) throw new ParleyError(ErrorCode.MessageDeleted, 'A deleted message cannot be quoted');
  return toQuote(original);
}
