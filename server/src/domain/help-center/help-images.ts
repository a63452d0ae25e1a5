/**
 * @module Pictures in help articles: an admin uploads one, it is checked like a chat attachment (size
 * capped while it streams, type sniffed from the bytes, only PNG, JPEG, GIF and WebP, re-encoded
 * without metadata, scanned when a malware scanner is configured) and kept in the attachments' file
 * storage under the site's help folder. Its address is public and lasts (an article's Markdown keeps
 * it), but the bytes go only to signed-in agents (the editor's preview) and, for everyone else, while
 * a published article of the site shows the picture: a draft's pictures stay unseen.
 */
import type { Readable } from 'node:stream';
import { HELP_IMAGE_MAX_BYTES, helpEditorRoutes, type HelpImage } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import { FileTooLargeError, sizeCap, type FileStorage } from '../../files/file-storage.ts';
import { peekHead, sniffType, SNIFF_BYTES } from '../../files/sniff-type.ts';
import { reencodeImage } from '../../files/image-reencode.ts';
import { ScanUnavailableError, type MalwareScanner } from '../../files/malware-scanner.ts';
import { MalwareFoundError, scanAlongside } from '../../files/scan-alongside.ts';
import type { Store } from '../../store/store.ts';
import type { FileDownload } from '../attachments/attachment-files.ts';
import { newId } from '../ids.ts';

const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' } as const;
type ImageType = keyof typeof EXTENSIONS;
const TYPES = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type])) as Record<
  string,
  ImageType | undefined
>;
const isImageType = (type: string): type is ImageType => Object.hasOwn(EXTENSIONS, type);

const hex = (id: string): string => Buffer.from(id, 'utf8').toString('hex');

/** The site's pictures share one folder; a picture's key carries its extension (the storage keeps no type). */
export const helpImageFolder = (siteId: string): string => `help/${hex(siteId)}/`;
const keyOf = (siteId: string, imageId: string, ext: string): string =>
  `${helpImageFolder(siteId)}${hex(imageId)}-${ext}`;

/** The path part of a picture's address, which a published article's body must contain for the public to see it. */
export const helpImagePath = (siteId: string, file: string): string =>
  helpEditorRoutes.image.path.replace(':siteId', siteId).replace(':file', file);

export class HelpImages {
  readonly #store: Store;
  readonly #files: FileStorage;
  readonly #scanner: MalwareScanner | undefined;
  readonly #publicUrl: () => string;

  constructor(deps: {
    store: Store;
    files: FileStorage;
    scanner?: MalwareScanner | undefined;
    publicUrl: () => string;
  }) {
    this.#store = deps.store;
    this.#files = deps.files;
    this.#scanner = deps.scanner;
    this.#publicUrl = deps.publicUrl;
  }

  /** Checks the site before the body is read: a refused upload reads nothing. */
  async assertSite(siteId: string): Promise<void> {
    if (!(await this.#store.sites.findById(siteId))) throw notFound('Site');
  }

  /** Stores `body` (the picture's bytes as they arrive) for the site's articles. */
  async upload(siteId: string, body: Readable): Promise<HelpImage> {
    const cap = sizeCap(HELP_IMAGE_MAX_BYTES);
    body.on('error', (error) => cap.destroy(error));
    let peeked: Awaited<ReturnType<typeof peekHead>>;
    try {
      peeked = await peekHead(body.pipe(cap), SNIFF_BYTES);
    } catch (error) {
      throw translate(error);
    }
    const sniffed = await sniffType(peeked.head);
    const type = sniffed.kind === 'known' ? sniffed.type : '';
    if (!isImageType(type)) {
      peeked.discard();
      throw new ParleyError(ErrorCode.FileTypeNotAllowed, 'Articles can show PNG, JPEG, GIF and WebP pictures only.');
    }
    const id = newId('himg');
    const ext = EXTENSIONS[type];
    const key = keyOf(siteId, id, ext);
    const scanned = this.#scanner ? scanAlongside(this.#scanner, peeked.body) : undefined;
    const reencoded = reencodeImage(scanned?.body ?? peeked.body, type);
    // the thumbnail is not wanted here; left unread it would hold the decoder back
    reencoded.thumbnail.resume();
    let size: number;
    try {
      const storing = this.#files
        .put(key, reencoded.image, { maxBytes: HELP_IMAGE_MAX_BYTES * 2, contentType: type })
        .then((put) => put.size);
      size = scanned ? await scanned.settle(storing) : await storing;
    } catch (error) {
      await this.#files.delete(key).catch(() => undefined);
      if (reencoded.decodeError() !== undefined && !(error instanceof FileTooLargeError))
        throw new ParleyError(ErrorCode.FileTypeNotAllowed, 'This picture cannot be read; it may be damaged.');
      throw translate(error);
    }
    return { url: `${this.#publicUrl()}${helpImagePath(siteId, `${id}.${ext}`)}`, type, size };
  }

  /**
   * The picture's bytes. `agent`: a signed-in agent asks (the editor's preview of a draft); anyone else
   * gets it only while a published article of the site shows it, else not_found as for no picture.
   */
  async open(siteId: string, file: string, agent: boolean): Promise<FileDownload> {
    const match = /^(himg_[A-Za-z0-9_-]{16})\.([a-z]+)$/.exec(file);
    const type = match?.[2] === undefined ? undefined : TYPES[match[2]];
    if (!match?.[1] || !match[2] || type === undefined) throw notFound('Picture');
    if (!agent && !(await this.#store.helpCenter.publishedBodyContains(siteId, helpImagePath(siteId, file))))
      throw notFound('Picture');
    const stored = await this.#files.get(keyOf(siteId, match[1], match[2]));
    if (!stored) throw notFound('Picture');
    return { ...stored, type, name: file, inline: true };
  }
}

function translate(error: unknown): unknown {
  if (error instanceof FileTooLargeError)
    return new ParleyError(
      ErrorCode.FileTooLarge,
      `Pictures can be at most ${HELP_IMAGE_MAX_BYTES / (1024 * 1024)} MB.`,
    );
  if (error instanceof MalwareFoundError)
    return new ParleyError(
      ErrorCode.FileInfected,
      `This picture was not accepted: the malware scan found ${error.signature} in it.`,
      {
        cause: error,
      },
    );
  if (error instanceof ScanUnavailableError)
    return new ParleyError(
      ErrorCode.ScanUnavailable,
      'Pictures cannot be checked for malware right now, so none are accepted. Please try again in a few minutes.',
      { cause: error },
    );
  return error;
}
