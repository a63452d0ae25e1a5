/**
 * @module The console's outbox: messages the agent sent that the server has not stored yet, in every
 * conversation at once. The list operations (add, delivered, failed, what to send) are the shared client
 * core's; what is the console's own is that each entry names its conversation.
 */
import type { Attachment, OfferContent } from '@parley/shared';
import type { PendingEntry } from '@parley/shared/client-core';

export interface PendingMessage extends PendingEntry {
  readonly conversationId: string;
  readonly body: string;
  /** Quick replies, a card, a form or article links sent with the body (rich messages). */
  readonly content?: OfferContent;
  /** Set when the server refused it (e.g. the conversation ended); such a message is not retried. */
  readonly error: string | null;
  /** Quoted reply: the message it answers (message-edit-actions.ts). */
  readonly replyToId?: string;
  /** files-in-chat: the files it carries, uploaded already (attachment-uploads.ts). */
  readonly attachments?: readonly Attachment[];
}

export type Outbox = readonly PendingMessage[];

export function pendingIn(outbox: Outbox, conversationId: string): PendingMessage[] {
  return outbox.filter((pending) => pending.conversationId === conversationId);
}
