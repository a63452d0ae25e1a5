/**
 * @module Attachments: the record of each file uploaded into a conversation. The bytes are in the
 * file storage (files/), under the keys recorded here.
 */
import type { Attachment } from '@parley/shared';

export interface AttachmentRecord {
  id: string;
  conversationId: string;
  uploader: { kind: 'visitor' | 'agent'; id: string };
  /** Sanitized; display and the download's file name only, never a path. */
  name: string;
  /** Sniffed from the content. */
  type: string;
  size: number;
  storageKey: string;
  thumbnailKey: string | null;
  /** The message that references it; null until one does. */
  messageId: string | null;
  createdAt: string;
}

export interface AttachmentStore {
  create(record: AttachmentRecord): Promise<void>;
  findById(id: string): Promise<AttachmentRecord | undefined>;
  /** Every attachment of these conversations (for exports and deleting their files). */
  listByConversations(conversationIds: readonly string[]): Promise<AttachmentRecord[]>;
  /** Every attachment in the visitor's conversations, oldest first (their data export and delete). */
  listByVisitor(visitorId: string): Promise<AttachmentRecord[]>;
  /** The attachments of these messages, in upload order, by message id. */
  listForMessages(messageIds: readonly string[]): Promise<Map<string, Attachment[]>>;
  /** Whether an agent has written in the conversation (visitors may upload only after, when the site says so). */
  agentHasReplied(conversationId: string): Promise<boolean>;
  // email tickets (mail/inbound-attachments.ts, tickets' appendMessage links them)
  /** Deletes the records of these attachments that no message references; resolves with them (their files are the caller's). */
  deleteUnlinked(ids: readonly string[]): Promise<AttachmentRecord[]>;
}

/** What a message carries of an attachment. */
export function toAttachment(record: AttachmentRecord): Attachment {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    size: record.size,
    hasThumbnail: record.thumbnailKey !== null,
  };
}

/** Which uploads a message is sent with, and by whom: only that sender's own uploads can be linked. */
export interface AttachmentLink {
  ids: readonly string[];
  uploader: { kind: 'visitor' | 'agent'; id: string };
}

/**
 * A message named an attachment it cannot carry: not uploaded into its conversation, not by its
 * sender, already part of another message, or gone. Nothing was written.
 */
export class AttachmentsNotLinkable extends Error {}

/** The conversation was closed (or does not exist) when a message with attachments was to be written. */
export class ConversationNotOpen extends Error {}
