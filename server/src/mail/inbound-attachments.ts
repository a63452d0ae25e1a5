/**
 * @module The files of an emailed reply, stored on its ticket through the same pipeline as uploads
 * (the site's limits, the type sniffed from the content, images re-encoded with a thumbnail, the
 * malware scan), as the visitor's. Files that cannot be kept (too large, a type the site does not
 * take, malware, uploads off) are skipped with a note the agent sees in the message, never silently.
 * A scanner that cannot answer fails the whole mail, temporarily: the sender tries again later, so
 * neither the words nor the files are lost. Inline images under a few KB (signature logos) are left out.
 */
import { Readable } from 'node:stream';
import type { Attachment as MailPart } from 'mailparser';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { AttachmentUploads } from '../domain/attachments/attachment-uploads.ts';
import type { TicketRecord } from '../store/ticket-store.ts';
import { sizeText } from './size-text.ts';

/** Inline images smaller than this are taken for logos and decoration, not something the visitor sent. */
const DECORATION_BYTES = 16 * 1024;

export interface MailFiles {
  /** Stored, in the mail's order, not yet part of a message. */
  attachmentIds: string[];
  /** One line per file not stored: its name and why. */
  notAdded: string[];
}

/** Why a refused file was not stored, as the agent reads it beside its name. */
const REASONS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.FileTypeNotAllowed]: 'not a kind of file this site accepts',
  [ErrorCode.FileInfected]: 'the malware scan found something in it',
  [ErrorCode.UploadsNotAllowed]: 'this site does not accept files from visitors',
};

export async function storeMailFiles(
  parts: readonly MailPart[],
  ticket: Pick<TicketRecord, 'conversationId'>,
  deps: { uploads: AttachmentUploads; maxBytes: number },
): Promise<MailFiles> {
  const files = parts.filter((part) => !(part.related && part.size < DECORATION_BYTES));
  const result: MailFiles = { attachmentIds: [], notAdded: [] };
  if (files.length === 0) return result;
  let target: Awaited<ReturnType<AttachmentUploads['forEmailReply']>> | undefined;
  try {
    target = await deps.uploads.forEmailReply(ticket.conversationId);
  } catch (error) {
    if (!(error instanceof ParleyError) || REASONS[error.code] === undefined) throw error;
    result.notAdded = files.map((part) => `${nameOf(part)} (${REASONS[error.code] ?? error.message})`);
    return result;
  }
  const limit = Math.min(deps.maxBytes, target.settings.maxBytes);
  for (const part of files) {
    const name = nameOf(part);
    if (part.size > limit) {
      result.notAdded.push(`${name} (over the ${sizeText(limit)} limit)`);
      continue;
    }
    try {
      const stored = await deps.uploads.upload(target, name, Readable.from([part.content]));
      result.attachmentIds.push(stored.id);
    } catch (error) {
      // a scanner that cannot answer, or our own failure: the mail is refused for now and comes again
      const reason = error instanceof ParleyError ? REASONS[error.code] : undefined;
      if (error instanceof ParleyError && error.code === ErrorCode.FileTooLarge)
        result.notAdded.push(`${name} (over the ${sizeText(limit)} limit)`);
      else if (reason !== undefined) result.notAdded.push(`${name} (${reason})`);
      else {
        // the mail comes again: the files stored before this one would be stored twice
        await deps.uploads.discard(result.attachmentIds);
        throw error;
      }
    }
  }
  return result;
}

const nameOf = (part: MailPart): string => part.filename ?? part.contentType;
