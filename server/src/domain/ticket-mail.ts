/**
 * @module The seam between tickets and mail: what the domain asks of the composer of ticket mails
 * (implemented in mail/ticket-mailer.ts). The domain decides when a mail goes and stores it in the
 * outbox with the change that causes it; the composer only writes it.
 */
import type { Attachment, Message } from '@parley/shared';
import type { NewOutboxMail } from '../store/outbox-store.ts';
import type { TicketRecord } from '../store/ticket-store.ts';

/** What a mail needs to know of its ticket to thread and to be answered. */
export type TicketThread = Pick<
  TicketRecord,
  'conversationId' | 'email' | 'replyToken' | 'rootMessageId' | 'lastMessageId'
>;

/** Composes ticket mails (implemented in mail/); the domain decides when, and stores them. */
export interface TicketMailer {
  newReplyToken(): string;
  newMessageId(): string;
  /**
   * To the visitor, as the thread's first mail (its Message-ID is the thread's root). `transcript`:
   * the conversation so far, only when an agent opened the ticket; null keeps visitor-written text
   * out of a mail to an address nobody has checked.
   */
  confirmation(input: {
    thread: TicketThread;
    siteName: string;
    transcript: Message[] | null;
    now: string;
  }): NewOutboxMail;
  /** To the visitor: one agent reply, with Message-ID `messageId`, threaded under the ticket's last mail. */
  agentReply(input: {
    thread: TicketThread;
    siteName: string;
    message: Message;
    /** The reply's files: attached to the mail, or linked when they are large. */
    files: Attachment[];
    messageId: string;
    now: string;
  }): NewOutboxMail;
  /** To one agent: a new ticket is waiting. */
  newTicketNotice(input: {
    thread: TicketThread;
    siteName: string;
    recipient: { id: string; email: string; name: string };
    transcript: Message[];
    now: string;
  }): NewOutboxMail;
}
