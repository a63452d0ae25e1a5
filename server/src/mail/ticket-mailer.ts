/**
 * @module The mails Parley writes: ticket confirmation, agent replies, new-ticket notices,
 * transcripts and unseen-reply digests. Threading: a ticket's first mail is the thread's root; every
 * later one answers the latest mail either way (In-Reply-To) and names root and latest in
 * References, and carries Reply-To reply+<token>@<inbound domain>.
 */
import { randomBytes } from 'node:crypto';
import type { Message } from '@parley/shared';
import type { MailKind, NewOutboxMail } from '../store/outbox-store.ts';
import type { TicketMailer, TicketThread } from '../domain/ticket-mail.ts';
import { newId } from '../domain/ids.ts';
import { renderHtml, renderText, transcriptLines, type MailContent } from './mail-body.ts';
import { mailTextOf } from './rich-content-text.ts';
import { mailedFiles } from './mailed-files.ts';

export interface MailerOptions {
  inboundDomain: string;
  /** Where the console is, for links in agents' mails. */
  publicUrl: () => string;
  /** An agent reply's files up to this many bytes in all are attached; above, the mail links to them. */
  attachFilesUpToBytes: number;
  /** A signed download link for a file the mail lists (mailed-files.ts). */
  fileLink: (attachmentId: string) => { url: string; expiresAt: string };
}

export class ParleyMailer implements TicketMailer {
  readonly #options: MailerOptions;

  constructor(options: MailerOptions) {
    this.#options = options;
  }

  /** 160 random bits in lowercase hex: a mail system that lowercases the address cannot break it. */
  newReplyToken(): string {
    return randomBytes(20).toString('hex');
  }

  newMessageId(): string {
    return `<${randomBytes(16).toString('hex')}@${this.#options.inboundDomain}>`;
  }

  replyAddress(token: string): string {
    return `reply+${token}@${this.#options.inboundDomain}`;
  }

  confirmation({ thread, siteName, transcript, now }: Parameters<TicketMailer['confirmation']>[0]): NewOutboxMail {
    const content: MailContent = transcript
      ? {
          replyable: true,
          intro: [
            `Thanks for your message to ${siteName}. We will answer by email as soon as we can.`,
            'To add something, just reply to this email.',
          ],
          transcript: {
            title: 'Your conversation so far',
            lines: transcriptLines(transcript, { visitor: 'You', team: siteName }),
          },
        }
      : {
          // nothing the visitor wrote: whoever typed this address cannot make us carry their text
          replyable: true,
          intro: [
            `We have received your message to ${siteName} and will answer by email as soon as we can.`,
            'To add something, just reply to this email.',
          ],
          footer: `If you did not write to ${siteName}, someone else gave your address: you can ignore this email.`,
        };
    return this.#mail('ticket_confirmation', {
      to: thread.email,
      subject: subjectOf(siteName),
      content,
      messageId: thread.rootMessageId,
      thread: { ...thread, lastMessageId: '' },
      now,
      dedupeKey: `confirmation:${thread.conversationId}`,
    });
  }

  agentReply(input: Parameters<TicketMailer['agentReply']>[0]): NewOutboxMail {
    const { thread, siteName, message, messageId, now } = input;
    const files = mailedFiles(input.files, this.#options);
    const content: MailContent = {
      replyable: true,
      intro: [`${message.author.name ?? siteName} wrote:`, mailTextOf(message), ...files.paragraphs],
      footer: `Reply to this email to answer ${siteName}.`,
    };
    const mail = this.#mail('ticket_reply', {
      to: thread.email,
      subject: `Re: ${subjectOf(siteName)}`,
      content,
      messageId,
      thread,
      now,
      dedupeKey: `reply:${message.id}`,
    });
    return files.attached.length > 0 ? { ...mail, attachmentIds: files.attached } : mail;
  }

  newTicketNotice({
    thread,
    siteName,
    recipient,
    transcript,
    now,
  }: Parameters<TicketMailer['newTicketNotice']>[0]): NewOutboxMail {
    const content: MailContent = {
      intro: [
        `${thread.email} is waiting for an answer by email (${siteName}).`,
        `Answer in the console: ${this.#options.publicUrl()}/console/`,
      ],
      transcript: {
        title: 'Conversation',
        lines: transcriptLines(transcript, { visitor: thread.email, team: siteName }),
      },
    };
    // Not part of the visitor's thread and not answerable by email: no Reply-To, no threading.
    return this.#mail('ticket_notice', {
      to: recipient.email,
      subject: `New ticket from ${thread.email} – ${siteName}`,
      content,
      messageId: this.newMessageId(),
      thread: null,
      conversationId: thread.conversationId,
      now,
      dedupeKey: `notice:${thread.conversationId}:${recipient.id}`,
    });
  }

  transcript(input: {
    requestId: string;
    conversationId: string;
    to: string;
    siteName: string;
    messages: Message[];
    now: string;
  }): NewOutboxMail {
    const content: MailContent = {
      intro: [`Here is the transcript of your conversation with ${input.siteName}, as you asked.`],
      transcript: {
        title: 'Transcript',
        lines: transcriptLines(input.messages, { visitor: 'You', team: input.siteName }),
      },
    };
    return this.#mail('transcript', {
      to: input.to,
      subject: `Transcript of your conversation with ${input.siteName}`,
      content,
      messageId: this.newMessageId(),
      thread: null,
      conversationId: input.conversationId,
      now: input.now,
      dedupeKey: `transcript:${input.requestId}`,
    });
  }

  unseenReplies(input: {
    conversationId: string;
    to: string;
    siteName: string;
    replies: Message[];
    uptoSeq: number;
    now: string;
  }): NewOutboxMail {
    const content: MailContent = {
      intro: [
        `You left the chat with ${input.siteName} before seeing ${input.replies.length === 1 ? 'this answer' : 'these answers'}.`,
      ],
      transcript: {
        title: 'New messages',
        lines: transcriptLines(input.replies, { visitor: 'You', team: input.siteName }),
      },
      footer: 'Open the chat on the site again to continue the conversation.',
    };
    return this.#mail('unseen_replies', {
      to: input.to,
      subject: `New messages from ${input.siteName}`,
      content,
      messageId: this.newMessageId(),
      thread: null,
      conversationId: input.conversationId,
      now: input.now,
      dedupeKey: `unseen:${input.conversationId}:${input.uptoSeq}`,
    });
  }

  #mail(
    kind: MailKind,
    input: {
      to: string;
      subject: string;
      content: MailContent;
      messageId: string;
      thread: TicketThread | null;
      conversationId?: string;
      now: string;
      dedupeKey: string;
    },
  ): NewOutboxMail {
    const { thread } = input;
    const inReplyTo = thread?.lastMessageId ? thread.lastMessageId : null;
    const references = thread && inReplyTo ? [...new Set([thread.rootMessageId, inReplyTo])] : [];
    return {
      id: newId('mail'),
      kind,
      to: input.to,
      subject: input.subject,
      text: renderText(input.content),
      html: renderHtml(input.content),
      messageId: input.messageId,
      inReplyTo,
      references,
      replyTo: thread ? this.replyAddress(thread.replyToken) : null,
      conversationId: input.conversationId ?? thread?.conversationId ?? null,
      dedupeKey: input.dedupeKey,
      createdAt: input.now,
    };
  }
}

/** One subject for the whole thread, so mail clients that thread by subject agree with References. */
const subjectOf = (siteName: string): string => `Your conversation with ${siteName}`;
