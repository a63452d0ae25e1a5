/**
 * @module An emailed reply, from raw MIME to a ticket message: checks size, parses with mailparser,
 * finds the ticket by its reply+<token>@ address (or, from the ticket's own address, by
 * In-Reply-To/References), keeps the visible reply (reply-body.ts), stores its files as the
 * visitor's uploads (inbound-attachments.ts), and appends it with them. A mail that
 * found its ticket is stored; only one we cannot read, trust or place, an automatic reply, or one
 * over the size limit is refused. Everything is checked before anything is written; the write
 * itself is one transaction. Used by the webhook and the SMTP listener.
 */
import { createHash } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import { ErrorCode } from '@parley/shared/error-codes';
import type { InboundEmailResult, Message } from '@parley/shared';
import { ParleyError, toParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { TicketRecord } from '../store/ticket-store.ts';
import { emailedReplyClientId, type Tickets } from '../domain/tickets.ts';
import type { MessageStore } from '../store/message-store.ts';
import type { AttachmentUploads } from '../domain/attachments/attachment-uploads.ts';
import { storeMailFiles, type MailFiles } from './inbound-attachments.ts';
import { mailText } from './mail-text.ts';
import { automaticMailReason } from './automatic-mail.ts';
import { replyContent } from './reply-body.ts';
import { sizeText } from './size-text.ts';

export interface InboundEmailOptions {
  inboundDomain: string;
  maxBytes: number;
  /** The largest file of a reply that is stored (the site's own maximum applies too); larger ones are named. */
  maxAttachmentBytes: number;
}

/** RFC 5322 header field name, then a colon. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

/** Over a size limit: HTTP 413 payload_too_large, SMTP 552. */
export class EmailTooLarge extends ParleyError {
  constructor(message: string) {
    super(ErrorCode.PayloadTooLarge, message);
  }
}

export class InboundEmail {
  readonly #tickets: Tickets;
  readonly #uploads: AttachmentUploads;
  readonly #messages: Pick<MessageStore, 'findByClientId'>;
  readonly #logger: Logger;
  readonly #options: InboundEmailOptions;
  readonly #tokenAddress: RegExp;

  constructor(deps: {
    tickets: Tickets;
    uploads: AttachmentUploads;
    messages: Pick<MessageStore, 'findByClientId'>;
    logger: Logger;
    options: InboundEmailOptions;
  }) {
    this.#tickets = deps.tickets;
    this.#uploads = deps.uploads;
    this.#messages = deps.messages;
    this.#logger = deps.logger;
    this.#options = deps.options;
    const domain = deps.options.inboundDomain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.#tokenAddress = new RegExp(`^reply\\+([^@]*)@${domain}$`, 'i');
  }

  get maxBytes(): number {
    return this.#options.maxBytes;
  }

  /** The token of a reply+<token>@<inbound domain> address, or undefined for any other address. */
  tokenOf(address: string): string | undefined {
    return this.#tokenAddress.exec(address.trim())?.[1]?.toLowerCase();
  }

  /** The ticket a reply+<token>@ address names; undefined for a forged or unknown one. */
  async ticketForAddress(address: string): Promise<TicketRecord | undefined> {
    const token = this.tokenOf(address);
    return token ? this.#tickets.findByReplyToken(token) : undefined;
  }

  /**
   * Appends the reply in `raw` to its ticket. `envelopeRecipients`: RCPT TO addresses when the mail
   * came over SMTP (a Bcc or forward may hide the reply address from the headers).
   */
  async receive(raw: Buffer, via: 'webhook' | 'smtp', envelopeRecipients: string[] = []): Promise<InboundEmailResult> {
    try {
      const parsed = await this.#parse(raw);
      const ticket = await this.#findTicket(parsed, envelopeRecipients);
      const fullText = await mailText(parsed);
      const messageId = parsed.messageId ?? null;
      const dedupeKey = dedupeKeyOf(parsed, fullText, raw);
      // a mail delivered again is answered with what the first delivery stored, its files not stored twice
      const earlier = await this.#messages.findByClientId(ticket.conversationId, emailedReplyClientId(dedupeKey));
      const files = earlier
        ? { attachmentIds: [], notAdded: [] }
        : await storeMailFiles(parsed.attachments, ticket, {
            uploads: this.#uploads,
            maxBytes: this.#options.maxAttachmentBytes,
          });
      const { message, duplicate } = await this.#append(ticket, parsed, { messageId, dedupeKey, files });
      this.#logger.info('email reply added to ticket', {
        via,
        conversationId: ticket.conversationId,
        messageId: message.id,
        duplicate,
      });
      return { conversationId: ticket.conversationId, messageId: message.id, duplicate };
    } catch (error) {
      const parleyError = toParleyError(error);
      if (parleyError.code === ErrorCode.Internal) this.#logger.error('inbound email failed', { via, error });
      else {
        this.#logger.warn('inbound email rejected', {
          via,
          code: parleyError.code,
          reason: parleyError.message,
          bytes: raw.length,
        });
      }
      throw parleyError;
    }
  }

  async #append(
    ticket: TicketRecord,
    parsed: ParsedMail,
    reply: { messageId: string | null; dedupeKey: string; files: MailFiles },
  ): Promise<{ message: Message; duplicate: boolean }> {
    const { attachmentIds, notAdded } = reply.files;
    try {
      const { body } = await replyContent(parsed, { added: attachmentIds.length, notAdded });
      const result = await this.#tickets.receiveReply(ticket, { ...reply, body, attachmentIds });
      // the same mail stored meanwhile by another delivery: these copies of its files are not needed
      if (result.duplicate) await this.#uploads.discard(attachmentIds);
      return result;
    } catch (error) {
      await this.#uploads.discard(attachmentIds);
      throw error;
    }
  }

  async #parse(raw: Buffer): Promise<ParsedMail> {
    if (raw.length === 0) throw invalid('The email is empty');
    if (raw.length > this.#options.maxBytes) {
      throw new EmailTooLarge(`The email is larger than ${sizeText(this.#options.maxBytes)}`);
    }
    // mailparser reads almost anything as a mail with no headers: insist on a header block first.
    const head = raw.subarray(0, Math.min(raw.length, 1000)).toString('latin1');
    if (!HEADER_LINE.test(head)) throw invalid('This is not a MIME email: it does not start with a header');
    let parsed: ParsedMail;
    try {
      // loaded on the first inbound mail: mailparser and its charset tables cost ~30 MB of RSS
      // in every process, most of which never parses a mail
      const { simpleParser } = await import('mailparser');
      // HTML becomes text in mailText(), with paragraphs kept (mailparser wraps at 80 columns).
      parsed = await simpleParser(raw, {
        skipHtmlToText: true,
        skipImageLinks: true,
        skipTextLinks: true,
        skipTextToHtml: true,
      });
    } catch (error) {
      throw invalid('The email could not be parsed', error);
    }
    if (!parsed.from?.value.some((a) => a.address)) throw invalid('The email has no From address');
    const automatic = automaticMailReason(parsed);
    if (automatic) throw invalid(`Not added to a ticket: ${automatic}`);
    return parsed;
  }

  async #findTicket(parsed: ParsedMail, envelopeRecipients: string[]): Promise<TicketRecord> {
    const addresses = [
      ...envelopeRecipients,
      ...addressesOf(parsed.to),
      ...addressesOf(parsed.cc),
      ...headerAddresses(parsed),
    ];
    const token = addresses.map((a) => this.tokenOf(a)).find((t) => t !== undefined);
    if (token !== undefined) {
      const ticket = await this.#tickets.findByReplyToken(token);
      // A made-up or mistyped token answers like any unknown ticket.
      if (!ticket) throw new ParleyError(ErrorCode.NotFound, 'No ticket has this reply address');
      return ticket;
    }
    const threadIds = [parsed.inReplyTo, ...[parsed.references ?? []].flat()].filter((id): id is string => Boolean(id));
    const ticket = await this.#tickets.findBySentMessageId(threadIds);
    // Message-IDs travel further than reply tokens (quoted, forwarded): trust them only from the ticket's own address.
    const from = parsed.from?.value.find((a) => a.address)?.address?.toLowerCase();
    if (ticket && from === ticket.email.toLowerCase()) return ticket;
    throw new ParleyError(
      ErrorCode.NotFound,
      'No ticket matches this email (no reply address, no known In-Reply-To from the ticket’s address)',
    );
  }
}

/**
 * One mail delivered twice (a webhook retried, the same mail over SMTP and the webhook) is stored
 * once. The Message-ID alone is not proof: some senders reuse one for different mails, so the key
 * is the Message-ID with what the mail says. A mail without one is the same only byte for byte.
 */
function dedupeKeyOf(parsed: ParsedMail, fullText: string, raw: Buffer): string {
  const hash = createHash('sha256');
  if (parsed.messageId) {
    hash.update(parsed.messageId).update('\0').update(fullText);
    for (const a of parsed.attachments) hash.update('\0').update(a.checksum);
  } else {
    hash.update(raw);
  }
  return hash.digest('base64url').slice(0, 40);
}

function invalid(message: string, cause?: unknown): ParleyError {
  return new ParleyError(ErrorCode.InvalidPayload, message, { cause });
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects
    .flatMap((o) => o.value.flatMap((a) => [a.address, ...(a.group ?? []).map((g) => g.address)]))
    .filter((a): a is string => Boolean(a));
}

/** Where forwarding hops record the original recipient. */
function headerAddresses(parsed: ParsedMail): string[] {
  const found: string[] = [];
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to']) {
    const value = parsed.headers.get(name);
    for (const v of [value].flat()) {
      if (typeof v === 'string') found.push(v.replace(/^.*<([^>]+)>.*$/, '$1'));
      else if (v && typeof v === 'object' && 'value' in v && Array.isArray(v.value))
        found.push(...addressesOf(v as AddressObject));
    }
  }
  return found;
}
