/**
 * @module What a ticket stores of an emailed reply: the visible reply, a note of the attachments
 * that could not be added (inbound-attachments.ts stores the others), and, when we cannot tell what
 * is new, the whole text: a reply that reached a ticket is never lost for a quote we failed to read
 * (an Outlook answer typed in colour inside the quote is, in plain text, just more quote).
 */
import type { ParsedMail } from 'mailparser';
import { MAX_MESSAGE_LENGTH } from '@parley/shared';
import { mailText } from './mail-text.ts';
import { tidyText } from './tidy-text.ts';
import { stripQuotedReply } from './strip-quoted-reply.ts';
import { isForwardSubject } from './quote-patterns.ts';

export interface ReplyContent {
  /** Everything the mail said, before the quote was taken off. */
  fullText: string;
  body: string;
}

const NO_TEXT = '[Email with no text]';
const FILES_ONLY = '[Email with attachments and no text]';

/** `files`: how many of the mail's files were stored, and a line for each that was not (name and why). */
export async function replyContent(
  parsed: ParsedMail,
  files: { added: number; notAdded: readonly string[] },
): Promise<ReplyContent> {
  const fullText = await mailText(parsed);
  const from = parsed.from?.value.find((a) => a.address);
  // A forward (an Outlook one has no marker line, only its subject) is kept whole: the visitor sends
  // us that mail to read.
  const visible = isForwardSubject(parsed.subject)
    ? tidyText(fullText)
    : stripQuotedReply(fullText, { name: from?.name, address: from?.address });
  // The agent should know of every file that came and was not kept: refusing the mail for one
  // would lose the words that came with it.
  const names = files.notAdded.join(', ');
  // hundreds of attachments still leave room for the words
  const listed = names.length > MAX_MESSAGE_LENGTH / 4 ? `${names.slice(0, MAX_MESSAGE_LENGTH / 4)}…` : names;
  const note = files.notAdded.length > 0 ? `[Attachments not added: ${listed}]` : '';
  const withFiles = note !== '' || files.added > 0;
  // An attachment alone is an answer; without one, the whole text is kept rather than nothing.
  const words = visible || (withFiles ? '' : tidyText(fullText));
  if (!words && !note) return { fullText, body: files.added > 0 ? FILES_ONLY : NO_TEXT };
  const room = MAX_MESSAGE_LENGTH - (note ? note.length + 2 : 0);
  const kept = words.length > room ? `${words.slice(0, room - 1)}…` : words;
  return { fullText, body: [kept, note].filter(Boolean).join('\n\n') };
}
