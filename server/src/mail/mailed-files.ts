/**
 * @module How an agent's ticket reply carries its files: attached while they are small enough for
 * mail systems to take (EMAIL_ATTACHMENTS_MAX_BYTES in all; base64 makes them a third larger on the
 * wire), otherwise listed with signed download links that stay valid long enough for a mail to be
 * read days later (MAIL_LINK_TTL_SECONDS). The mail's text names the files either way.
 */
import type { Attachment } from '@parley/shared';
import { sizeText } from './size-text.ts';

/** A mail may be read a week or two after it arrives; anyone it is forwarded to can use its links until then. */
export const MAIL_LINK_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface MailedFiles {
  /** Ids of the files to attach when the mail is sent. */
  attached: string[];
  /** What the mail says about them. */
  paragraphs: string[];
}

export function mailedFiles(
  files: readonly Attachment[],
  options: { attachFilesUpToBytes: number; fileLink: (attachmentId: string) => { url: string; expiresAt: string } },
): MailedFiles {
  if (files.length === 0) return { attached: [], paragraphs: [] };
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const named = (file: Attachment) => `${file.name} (${sizeText(file.size)})`;
  if (total <= options.attachFilesUpToBytes)
    return { attached: files.map((file) => file.id), paragraphs: [`Attached: ${files.map(named).join(', ')}`] };
  const links = files.map((file) => ({ file, link: options.fileLink(file.id) }));
  const until = links[0]?.link.expiresAt.slice(0, 10) ?? '';
  return {
    attached: [],
    paragraphs: [
      `Files (too large to attach; the links work until ${until}):`,
      links.map(({ file, link }) => `${named(file)}: ${link.url}`).join('\n'),
    ],
  };
}
