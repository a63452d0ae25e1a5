/**
 * @module Storing an uploaded file: the site's rules (may this visitor upload now, which types, how
 * large) checked before the body is read, the type sniffed from the content, images re-encoded with
 * a thumbnail, the bytes streamed into the file storage (and, when a malware scanner is configured,
 * to the scanner at the same time) and then the record written. Nothing is kept of a refused or
 * failed upload, nor of one the scanner found malware in or could not check.
 */
import type { Readable } from 'node:stream';
import {
  AttachmentTypeSchema,
  isImageAttachmentType,
  type Attachment,
  type AttachmentSettings,
  type Conversation,
} from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import { FileTooLargeError, sizeCap, type FileStorage } from '../../files/file-storage.ts';
import { peekHead, sniffType, SNIFF_BYTES } from '../../files/sniff-type.ts';
import { reencodeImage } from '../../files/image-reencode.ts';
import { sanitizeFileName } from '../../files/file-names.ts';
import { ScanUnavailableError, type MalwareScanner } from '../../files/malware-scanner.ts';
import { MalwareFoundError, scanAlongside } from '../../files/scan-alongside.ts';
import type { Store } from '../../store/store.ts';
import { toAttachment, type AttachmentRecord } from '../../store/attachment-store.ts';
import type { AgentRecord } from '../../store/agent-store.ts';
import { newId } from '../ids.ts';
import { assertAgentMayUpload, uploaderOf, type AttachmentActor } from './attachment-access.ts';
import { fileKeys } from './file-keys.ts';

/** Where an upload goes and under which rules, decided before its body is read. */
export interface UploadTarget {
  actor: AttachmentActor;
  conversation: Conversation;
  settings: AttachmentSettings;
}

/** A thumbnail is small; an image re-encoded may grow a little past the upload it came from. */
const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
const reencodedMax = (maxBytes: number): number => maxBytes * 2 + 1024 * 1024;

const mib = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export class AttachmentUploads {
  readonly #store: Store;
  readonly #files: FileStorage;
  readonly #now: () => Date;
  readonly #scanner: MalwareScanner | undefined;
  readonly #onScanUnavailable: (error: Error) => void;

  constructor(deps: {
    store: Store;
    files: FileStorage;
    now: () => Date;
    /** When set, every file is scanned while it is stored, and kept only if the scanner says it is clean. */
    scanner?: MalwareScanner | undefined;
    /** Told when the scanner could not check a file (the operator should know: uploads are refused meanwhile). */
    onScanUnavailable?: (error: Error) => void;
  }) {
    this.#store = deps.store;
    this.#files = deps.files;
    this.#now = deps.now;
    this.#scanner = deps.scanner;
    this.#onScanUnavailable = deps.onScanUnavailable ?? (() => undefined);
  }

  /**
   * The visitor's open conversation, if the site lets them upload into it now. Without one, `open`
   * starts it when the site lets visitors upload before an agent answers (a first message with a file).
   */
  async forVisitor(visitorId: string, siteId: string, open?: () => Promise<Conversation>): Promise<UploadTarget> {
    const site = await this.#store.sites.findById(siteId);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
    const settings = site.attachments;
    if (!settings.visitorUploads) throw uploadsOff('This site does not accept files from visitors.');
    const afterReply = (): ParleyError => uploadsOff('You can attach files once someone from the team has answered.');
    let conversation = await this.#store.conversations.findOpenByVisitor(visitorId);
    if (!conversation) {
      if (settings.visitorUploadsAfterAgentReply) throw afterReply();
      if (!open) throw uploadsOff('Start a chat first, then attach files to it.');
      conversation = await open();
    }
    if (settings.visitorUploadsAfterAgentReply && !(await this.#store.attachments.agentHasReplied(conversation.id)))
      throw afterReply();
    return { actor: { kind: 'visitor', visitorId, siteId }, conversation, settings };
  }

  async forAgent(agent: AgentRecord, conversationId: string): Promise<UploadTarget> {
    const conversation = assertAgentMayUpload(agent, await this.#store.conversations.findById(conversationId));
    const site = await this.#store.sites.findById(conversation.siteId);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'The conversation’s site is gone');
    return { actor: { kind: 'agent', agent }, conversation, settings: site.attachments };
  }

  /**
   * The files of the visitor's emailed reply to a ticket go in as theirs, within the site's rules.
   * Not "only after an agent answered": the reply address reached them in a mail from us.
   */
  async forEmailReply(conversationId: string): Promise<UploadTarget> {
    const conversation = await this.#store.conversations.findById(conversationId);
    if (!conversation) throw new ParleyError(ErrorCode.NotFound, 'Conversation not found');
    const site = await this.#store.sites.findById(conversation.siteId);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'The conversation’s site is gone');
    if (!site.attachments.visitorUploads) throw uploadsOff('This site does not accept files from visitors.');
    const actor: AttachmentActor = { kind: 'visitor', visitorId: conversation.visitorId, siteId: conversation.siteId };
    return { actor, conversation, settings: site.attachments };
  }

  /** Removes stored files no message took after all (a mail that failed half-way, a duplicate). */
  async discard(attachmentIds: readonly string[]): Promise<void> {
    if (attachmentIds.length === 0) return;
    const removed = await this.#store.attachments.deleteUnlinked(attachmentIds);
    await Promise.allSettled(
      removed.flatMap((record) => [
        this.#files.delete(record.storageKey),
        ...(record.thumbnailKey === null ? [] : [this.#files.delete(record.thumbnailKey)]),
      ]),
    );
  }

  /** Stores `body` (the file's bytes as they arrive) named `claimedName` by the client. */
  async upload(target: UploadTarget, claimedName: string, body: Readable): Promise<Attachment> {
    const { settings, conversation } = target;
    const cap = sizeCap(settings.maxBytes);
    body.on('error', (error) => cap.destroy(error));
    const capped = body.pipe(cap);
    let peeked: Awaited<ReturnType<typeof peekHead>>;
    try {
      peeked = await peekHead(capped, SNIFF_BYTES);
    } catch (error) {
      throw translate(error, settings);
    }
    const type = await this.#acceptedType(peeked.head, settings).catch((error: unknown) => {
      peeked.discard();
      throw error;
    });
    const id = newId('att');
    const keys = fileKeys(conversation.id, id);
    const image = isImageAttachmentType(type);
    // the bytes as sent are scanned, before an image is re-encoded: that is what the uploader gave us
    const scanned = this.#scanner ? scanAlongside(this.#scanner, peeked.body) : undefined;
    const bytes = scanned?.body ?? peeked.body;
    let size: number;
    try {
      const storing = image
        ? this.#storeImage(keys, bytes, type, settings.maxBytes)
        : this.#files.put(keys.file, bytes, { maxBytes: settings.maxBytes, contentType: type }).then((put) => put.size);
      size = scanned ? await scanned.settle(storing) : await storing;
    } catch (error) {
      await this.#forget(keys);
      if (error instanceof ScanUnavailableError) this.#onScanUnavailable(error);
      throw translate(error, settings);
    }
    const record: AttachmentRecord = {
      id,
      conversationId: conversation.id,
      uploader: uploaderOf(target.actor),
      name: sanitizeFileName(claimedName, type),
      type,
      size,
      storageKey: keys.file,
      thumbnailKey: image ? keys.thumbnail : null,
      messageId: null,
      createdAt: this.#now().toISOString(),
    };
    try {
      await this.#store.attachments.create(record);
    } catch (error) {
      await this.#forget(keys);
      throw error;
    }
    return toAttachment(record);
  }

  async #acceptedType(head: Buffer, settings: AttachmentSettings): Promise<string> {
    const sniffed = await sniffType(head);
    if (sniffed.kind === 'markup')
      throw notAllowed('HTML, SVG and XML files are not accepted: they can contain code that runs in a browser.');
    const type = sniffed.kind === 'text' ? 'text/plain' : sniffed.kind === 'known' ? sniffed.type : undefined;
    const known = AttachmentTypeSchema.safeParse(type);
    if (!known.success || !settings.allowedTypes.includes(known.data))
      throw notAllowed(
        type === undefined
          ? 'This kind of file is not accepted here.'
          : `Files of this kind (${type}) are not accepted here.`,
      );
    return known.data;
  }

  async #storeImage(keys: { file: string; thumbnail: string }, body: Readable, type: string, maxBytes: number) {
    const reencoded = reencodeImage(body, type);
    try {
      const [image] = await Promise.all([
        this.#files.put(keys.file, reencoded.image, { maxBytes: reencodedMax(maxBytes), contentType: type }),
        this.#files.put(keys.thumbnail, reencoded.thumbnail, {
          maxBytes: THUMBNAIL_MAX_BYTES,
          contentType: reencoded.thumbnailType,
        }),
      ]);
      return image.size;
    } catch (error) {
      if (error instanceof FileTooLargeError) throw error;
      if (reencoded.decodeError() !== undefined)
        throw notAllowed('This image cannot be read; it may be damaged or not really an image.');
      throw error;
    }
  }

  async #forget(keys: { file: string; thumbnail: string }): Promise<void> {
    await Promise.allSettled([this.#files.delete(keys.file), this.#files.delete(keys.thumbnail)]);
  }
}

function translate(error: unknown, settings: AttachmentSettings): unknown {
  if (error instanceof FileTooLargeError)
    return new ParleyError(ErrorCode.FileTooLarge, `Files can be at most ${mib(settings.maxBytes)} here.`);
  if (error instanceof MalwareFoundError)
    return new ParleyError(
      ErrorCode.FileInfected,
      `This file was not accepted: the malware scan found ${error.signature} in it.`,
      { cause: error },
    );
  if (error instanceof ScanUnavailableError)
    // fail closed: an unchecked file is never taken for a clean one
    return new ParleyError(
      ErrorCode.ScanUnavailable,
      'Files cannot be checked for malware right now, so none are accepted. Please try again in a few minutes.',
      { cause: error },
    );
  return error;
}

const notAllowed = (message: string): ParleyError => new ParleyError(ErrorCode.FileTypeNotAllowed, message);
const uploadsOff = (message: string): ParleyError => new ParleyError(ErrorCode.UploadsNotAllowed, message);
