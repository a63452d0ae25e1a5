/**
 * @module Messages: appended with the next seq, once per client id, durable before the answer.
 */
import type { AuthorKind, Conversation, Message, RichContent } from '@parley/shared';
import type { AttachmentLink } from './attachment-store.ts';

export interface NewMessage {
  id: string;
  conversationId: string;
  clientMessageId: string | null;
  author: { kind: AuthorKind; id: string | null; name: string | null };
  body: string;
  now: string;
  /** Rich content (rich-content.ts); absent or null for plain text. */
  content?: RichContent | null;
  /** Quoted reply: a message of the same conversation (checked by the domain before the write). */
  replyToId?: string | null;
}

/** A stored message (or the one already stored under its client id) and its conversation as it stands after the write. */
export interface AppendedMessage {
  message: Message;
  created: boolean;
  conversation: Conversation;
}

export interface MessageStore {
  /**
   * Stores with the next seq, or returns the message already stored under the same clientMessageId.
   * Answers once the write is durable; concurrent appends may share one transaction.
   */
  append(message: NewMessage): Promise<AppendedMessage>;
  /**
   * Like append, into the visitor's open (queued or active) conversation, found in the same write;
   * undefined, with nothing written, when the visitor has none open.
   */
  appendToOpen(visitorId: string, message: Omit<NewMessage, 'conversationId'>): Promise<AppendedMessage | undefined>;
  /**
   * files-in-chat: like append, into an open (queued or active) conversation, linking the sender's
   * uploads in the same write. Throws AttachmentsNotLinkable or ConversationNotOpen with nothing written.
   */
  appendWithAttachments(message: NewMessage, link: AttachmentLink): Promise<AppendedMessage>;
  findByClientId(conversationId: string, clientMessageId: string): Promise<Message | undefined>;
  listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** A message the visitor sent with this client id in any of their conversations, with its conversation id. */
  findByVisitorClientId(visitorId: string, clientMessageId: string): Promise<Message | undefined>;
}
