/**
 * @module Hands one outbox entry to an SMTP server with nodemailer. Timeouts stay well under the
 * outbox lease, so a hung server cannot make a second process send the same entry.
 */
import type { Readable } from 'node:stream';
import type { Transporter } from 'nodemailer';
import type { OutboxMailRecord } from '../store/outbox-store.ts';

/** A stored file to attach, its bytes as a stream; undefined when it is gone (its conversation deleted). */
export type OpenFile = (attachmentId: string) => Promise<{ name: string; type: string; body: Readable } | undefined>;

export interface MailTransport {
  send(mail: OutboxMailRecord): Promise<void>;
  close(): void;
}

/** Why a send failed, and whether trying again can help. */
export class SendFailure extends Error {
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean, cause: unknown) {
    super(message, { cause });
    this.permanent = permanent;
  }
}

export const SMTP_TIMEOUT_MS = 30_000;

export function smtpTransport(smtpUrl: string, from: string, openFile?: OpenFile): MailTransport {
  // nodemailer is loaded with the first mail, not at start: it costs every process RSS
  let opened: Promise<Transporter> | undefined;
  const open = () =>
    (opened ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    ));
  return {
    async send(mail) {
      const transporter = await open();
      // streamed from the storage into the SMTP connection as nodemailer encodes it: never whole in memory
      const files = await Promise.all((mail.attachmentIds ?? []).map(async (id) => openFile?.(id)));
      const attachments = files.flatMap((file) =>
        file ? [{ filename: file.name, contentType: file.type, content: file.body }] : [],
      );
      try {
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references.length > 0 ? { references: mail.references } : {}),
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          ...(attachments.length > 0 ? { attachments } : {}),
          // Out-of-office robots should not answer (an answer reopens the ticket). An agent's reply is
          // written by a person, so only the automatic mails say Auto-Submitted (RFC 3834).
          headers:
            mail.kind === 'ticket_reply'
              ? { 'X-Auto-Response-Suppress': 'All' }
              : { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        });
      } catch (error) {
        // a send that failed before reading them leaves the files open
        for (const file of files) file?.body.destroy();
        const code =
          typeof error === 'object' && error !== null && 'responseCode' in error ? Number(error.responseCode) : NaN;
        // 5xx is the server's final word on this mail (no such mailbox, refused); anything else may pass later.
        const permanent = code >= 500 && code < 600;
        throw new SendFailure(error instanceof Error ? error.message : String(error), permanent, error);
      }
    },
    close() {
      void opened?.then((transporter) => transporter.close());
    },
  };
}
