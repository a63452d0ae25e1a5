/**
 * @module Edits and deletes of stored messages (issue 19): each change is numbered per conversation,
 * replaces the text in place (a deleted message keeps its seq with an empty body) and keeps the text
 * it replaced as a revision, which only admins read.
 */
import type { AuthorKind, Message, MessageRevision } from '@parley/shared';

export interface MessageChange {
  /** The revision row's id, chosen by the caller. */
  revisionId: string;
  messageId: string;
  action: 'edit' | 'delete';
  /** The new text; ignored for a delete (the body becomes empty). */
  body: string;
  actor: { kind: AuthorKind; id: string | null; name: string | null };
  /** An edit's idempotency key: a change already stored under it is not made again. */
  clientChangeId: string | null;
  now: string;
}

export interface MessageChangeStore {
  /** One message as it reads now, with its quote. */
  findById(messageId: string): Promise<Message | undefined>;
  /**
   * Applies the change in one transaction: the conversation's next change number, the revision
   * (the replaced text) and the new text. `changed` is false when a revision with the same
   * clientChangeId exists already (a retry): nothing is written and the message is returned as it is.
   */
  apply(change: MessageChange): Promise<{ message: Message; changed: boolean }>;
  /** Messages with seq ≤ upToSeq changed after change number afterChangeSeq, in change order. */
  listChangedSince(conversationId: string, afterChangeSeq: number, upToSeq: number, limit: number): Promise<Message[]>;
  /** Every change of a message, oldest first. */
  revisions(messageId: string): Promise<MessageRevision[]>;
}
