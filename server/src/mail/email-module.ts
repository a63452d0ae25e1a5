/**
 * @module Email's part of the composition root: tickets, the outbox worker, inbound email (webhook
 * and optional SMTP listener) and the status the console shows, built from the configuration.
 */
import type { Router as HttpRouter } from 'express';
import type { EmailConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { EventHub } from '../domain/events.ts';
import type { QueueDispatcher } from '../domain/queue-dispatcher.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import type { AttachmentUploads } from '../domain/attachments/attachment-uploads.ts';
import type { AttachmentFiles } from '../domain/attachments/attachment-files.ts';
import { MAIL_LINK_TTL_SECONDS } from './mailed-files.ts';
import { Tickets } from '../domain/tickets.ts';
import { VisitorMailLimits } from '../domain/visitor-mail-limits.ts';
import { inboundEmailRouter } from '../http/inbound-email-router.ts';
import { emailStatusRouter } from '../http/email-status-router.ts';
import { ParleyMailer } from './ticket-mailer.ts';
import { MailJobs } from './mail-jobs.ts';
import { OutboxSender } from './outbox-sender.ts';
import { MailWorker } from './mail-worker.ts';
import { smtpTransport } from './mail-transport.ts';
import { InboundEmail } from './inbound-email.ts';
import { startInboundSmtp, type InboundSmtp } from './inbound-smtp.ts';

export interface EmailModule {
  tickets: Tickets;
  /** Limits on mail to visitor-given addresses, for the other places that send such mail (transcripts). */
  visitorMailLimits: VisitorMailLimits;
  worker: MailWorker;
  routers: HttpRouter[];
  /** Starts the worker's beat and the SMTP listener (when configured); call once the server listens. */
  start(): Promise<void>;
  inboundSmtpPort(): number | undefined;
  close(): Promise<void>;
}

export function createEmailModule(deps: {
  config: EmailConfig;
  queueMaxWaitSeconds: number;
  store: Store;
  events: EventHub;
  dispatcher: QueueDispatcher;
  auth: AgentAuth;
  now: () => Date;
  logger: Logger;
  publicUrl: () => string;
  /** Stores the files of emailed replies, as uploads are stored. */
  uploads: AttachmentUploads;
  /** Reads and links the files agents' replies carry. */
  attachmentFiles: AttachmentFiles;
}): EmailModule {
  const { config, store, events, now, logger } = deps;
  const mailer = new ParleyMailer({
    inboundDomain: config.inboundDomain,
    publicUrl: deps.publicUrl,
    attachFilesUpToBytes: config.attachFilesUpToBytes,
    fileLink: (id) => deps.attachmentFiles.mailLink(id, MAIL_LINK_TTL_SECONDS),
  });
  const visitorMailLimits = new VisitorMailLimits({ store, now, perSitePerHour: config.visitorMailPerSitePerHour });
  const tickets = new Tickets({
    store,
    events,
    dispatcher: deps.dispatcher,
    mailer,
    mailLimits: visitorMailLimits,
    now,
    queueMaxWaitSeconds: deps.queueMaxWaitSeconds,
  });
  const jobs = new MailJobs({ store, mailer, now, logger, unseenReplyDelaySeconds: config.unseenReplyDelaySeconds });
  events.subscribe(jobs.onEvent);
  const transport = config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.from, (id) => deps.attachmentFiles.read(id))
    : undefined;
  const sender = new OutboxSender({ store, transport, now, logger });
  const worker = new MailWorker({ tickets, jobs, sender, logger });
  const inbound = new InboundEmail({
    tickets,
    uploads: deps.uploads,
    messages: store.messages,
    logger,
    options: {
      inboundDomain: config.inboundDomain,
      maxBytes: config.maxInboundBytes,
      maxAttachmentBytes: config.maxAttachmentBytes,
    },
  });
  let smtp: InboundSmtp | undefined;

  return {
    tickets,
    visitorMailLimits,
    worker,
    routers: [
      inboundEmailRouter(inbound, { secret: config.inboundSecret, logger }),
      emailStatusRouter({
        store,
        auth: deps.auth,
        status: () => ({
          outboundConfigured: sender.configured,
          webhook: Boolean(config.inboundSecret),
          smtp: smtp !== undefined,
          domain: config.inboundDomain,
        }),
      }),
    ],
    async start() {
      if (!transport)
        logger.warn('email is not configured: set SMTP_URL; tickets work and their mail waits in the outbox');
      if (config.inboundSmtp) smtp = await startInboundSmtp(inbound, { ...config.inboundSmtp, logger });
      worker.start(config.workerIntervalMs);
    },
    inboundSmtpPort: () => smtp?.port,
    async close() {
      await worker.stop();
      await smtp?.close();
      transport?.close();
    },
  };
}
