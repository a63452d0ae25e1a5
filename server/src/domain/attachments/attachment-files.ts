/**
 * @module Reading and removing stored files: signed links for whoever may see the conversation, the
 * bytes for a link that verifies, and every file of conversations that are deleted or anonymised.
 */
import type { AttachmentLinkResponse } from '@parley/shared';
import { isImageAttachmentType } from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { FileStorage, StoredFile } from '../../files/file-storage.ts';
import type { Store } from '../../store/store.ts';
import { assertMaySee, type AttachmentActor } from './attachment-access.ts';
import { DownloadSignatures, LINK_TTL_SECONDS, type FileVariant } from './download-signatures.ts';
import { conversationFolder } from './file-keys.ts';

/** A file ready to send, with what the response must say about it. */
export interface FileDownload extends StoredFile {
  type: string;
  name: string;
  /** Only re-encoded raster images are shown in the page; everything else is a download. */
  inline: boolean;
}

export class AttachmentFiles {
  readonly #store: Store;
  readonly #files: FileStorage;
  readonly #signatures: DownloadSignatures;
  readonly #now: () => Date;
  readonly #publicUrl: () => string;

  constructor(deps: { store: Store; files: FileStorage; secret: string; now: () => Date; publicUrl: () => string }) {
    this.#store = deps.store;
    this.#files = deps.files;
    this.#signatures = new DownloadSignatures(deps.secret);
    this.#now = deps.now;
    this.#publicUrl = deps.publicUrl;
  }

  async link(actor: AttachmentActor, attachmentId: string): Promise<AttachmentLinkResponse> {
    const record = await this.#store.attachments.findById(attachmentId);
    if (!record) throw notFound('Attachment');
    assertMaySee(actor, await this.#store.conversations.findById(record.conversationId));
    const expires = Math.floor(this.#now().getTime() / 1000) + LINK_TTL_SECONDS;
    return {
      url: this.#url(attachmentId, 'file', expires),
      thumbnailUrl: record.thumbnailKey === null ? null : this.#url(attachmentId, 'thumbnail', expires),
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /** The bytes behind a signed link; not_found for a bad or expired signature, as for a missing file. */
  async open(attachmentId: string, variant: FileVariant, expires: number, signature: string): Promise<FileDownload> {
    if (!this.#signatures.verify(attachmentId, variant, expires, signature, this.#now().getTime()))
      throw notFound('File');
    const record = await this.#store.attachments.findById(attachmentId);
    const key = variant === 'thumbnail' ? record?.thumbnailKey : record?.storageKey;
    if (!record || key === null || key === undefined) throw notFound('File');
    const stored = await this.#files.get(key);
    if (!stored) throw notFound('File');
    const type = variant === 'thumbnail' ? 'image/webp' : record.type;
    return { ...stored, type, name: record.name, inline: isImageAttachmentType(type) };
  }

  // mailed files (mail/ticket-mailer.ts, mail/mail-transport.ts)
  /** A signed link valid for `ttlSeconds`, for a mail that lists a file rather than attaching it. */
  mailLink(attachmentId: string, ttlSeconds: number): { url: string; expiresAt: string } {
    const expires = Math.floor(this.#now().getTime() / 1000) + ttlSeconds;
    return { url: this.#url(attachmentId, 'file', expires), expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The bytes of a file the server itself sends (a mail's attachment); undefined once it is gone. */
  async read(attachmentId: string): Promise<FileDownload | undefined> {
    const record = await this.#store.attachments.findById(attachmentId);
    const stored = record && (await this.#files.get(record.storageKey));
    if (!record || !stored) return undefined;
    return { ...stored, type: record.type, name: record.name, inline: false };
  }

  /** Deletes every file of these conversations (their rows go with the conversations' content). */
  async deleteFilesOf(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) await this.#files.deletePrefix(conversationFolder(id));
  }

  #url(attachmentId: string, variant: FileVariant, expires: number): string {
    const query = new URLSearchParams({
      variant,
      expires: String(expires),
      signature: this.#signatures.sign(attachmentId, variant, expires),
    });
    return `${this.#publicUrl()}/api/files/${encodeURIComponent(attachmentId)}?${query.toString()}`;
  }
}
