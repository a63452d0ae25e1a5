/**
 * @module Builds the domain services from the store, the clock and presence: the queue dispatcher,
 * conversations, agents, sites, tickets and email, reports and retention. The transports (http-app.ts,
 * realtime-server.ts) take what they translate to from here. A new service is one line below.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { VisitorPresence } from '../scale/visitor-presence.ts';
import type { EventHub } from '../domain/events.ts';
import { loadOrCreateSecret } from '../secret.ts';
import { QueueDispatcher } from '../domain/queue-dispatcher.ts';
import { Conversations } from '../domain/conversations.ts';
import { RichAnswers } from '../domain/rich-answers.ts';
import { Availability } from '../domain/availability.ts';
import { AbsentAgents } from '../domain/absent-agents.ts';
import { Handoffs } from '../domain/handoffs.ts';
import { PrivateNotes } from '../domain/private-notes.ts';
import { TicketInbox } from '../domain/ticket-inbox.ts';
import { ConversationFeedback } from '../domain/conversation-feedback.ts';
import { VisitorInsight } from '../domain/visitor-insight.ts';
import { ProactiveRules } from '../domain/proactive-rules.ts';
import { ProactiveOutreach } from '../domain/proactive-outreach.ts';
import { MessageEdits } from '../domain/message-edits.ts';
import { VisitorTokens } from '../domain/visitor-tokens.ts';
import { VisitorProfiles } from '../domain/visitor-profiles.ts';
import { AgentAuth } from '../domain/agent-auth.ts';
import type { SignInBudgets } from '../domain/login-throttle.ts';
import { AgentDirectory } from '../domain/agent-directory.ts';
import { SiteAdmin } from '../domain/site-admin.ts';
import { CannedResponses } from '../domain/canned-responses.ts';
import { Reports } from '../domain/reports.ts';
import { DataRetention } from '../domain/data-retention.ts';
import { createEmailModule, type EmailModule } from '../mail/email-module.ts';
import type { FileStorage } from '../files/file-storage.ts';
import { AttachmentUploads } from '../domain/attachments/attachment-uploads.ts';
import { AttachmentFiles } from '../domain/attachments/attachment-files.ts';
import { MessageFiles } from '../domain/attachments/message-files.ts';
import type { MalwareScanner } from '../files/malware-scanner.ts';
import { createHelpCenter, type HelpCenter } from '../domain/help-center/help-center.ts';
// answer bot (issue 22)
import { createAnswerBot, type AnswerBotServices } from './answer-bot-services.ts';
import type { HelpObserver } from '../domain/help-center/help-reader.ts';
import { createWebhooksModule, type WebhooksModule } from '../webhooks/webhooks-module.ts';
// public API (issue 21)
import { ApiTokens } from '../domain/api-tokens.ts';

export interface DomainServices {
  dispatcher: QueueDispatcher;
  auth: AgentAuth;
  email: EmailModule;
  conversations: Conversations;
  richAnswers: RichAnswers;
  availability: Availability;
  absentAgents: AbsentAgents;
  handoffs: Handoffs;
  notes: PrivateNotes;
  edits: MessageEdits;
  ticketInbox: TicketInbox;
  feedback: ConversationFeedback;
  insight: VisitorInsight;
  rules: ProactiveRules;
  outreach: ProactiveOutreach;
  tokens: VisitorTokens;
  profiles: VisitorProfiles;
  directory: AgentDirectory;
  siteAdmin: SiteAdmin;
  canned: CannedResponses;
  reports: Reports;
  retention: DataRetention;
  attachments: { uploads: AttachmentUploads; files: AttachmentFiles; messages: MessageFiles };
  helpCenter: HelpCenter;
  /** answer bot (issue 22): settings, the conversations a bot holds, the bot itself. */
  answerBot: AnswerBotServices;
  /** Outbound webhooks (issue 21): endpoints, the delivery outbox, the sender. */
  webhooks: WebhooksModule;
  /** Public API tokens (issue 21). */
  apiTokens: ApiTokens;
}

export interface DomainDeps {
  config: Config;
  store: Store;
  events: EventHub;
  agentPresence: AgentPresence;
  visitorPresence: VisitorPresence;
  now: () => Date;
  logger: Logger;
  /** Where attachment bytes are kept. */
  files: FileStorage;
  /** Scans every upload when the operator configured one (CLAMAV_ADDRESS). */
  scanner?: MalwareScanner | undefined;
  /** Known once the server listens when PUBLIC_URL is not set. */
  publicUrl: () => string;
  /** Sign-in failure budgets (undefined with RATE_LIMITS=off). */
  signInBudgets?: SignInBudgets | undefined;
  /** Told of the help center's events and searches (the /metrics counters). */
  helpObserver?: HelpObserver | undefined;
}

export function createDomainServices(deps: DomainDeps): DomainServices {
  const { config, store, events, agentPresence: presence, visitorPresence, now, logger } = deps;
  const dispatcher = new QueueDispatcher({
    store,
    presence,
    events,
    now,
    onError: (error) => logger.error('queue announcement failed', { error }),
  });
  const auth = new AgentAuth({ store, now, events, budgets: deps.signInBudgets });
  const secret = loadOrCreateSecret(config.dataDir, config.secret);
  const tokens = new VisitorTokens(secret);
  const attachmentFiles = new AttachmentFiles({ store, files: deps.files, secret, now, publicUrl: deps.publicUrl });
  const uploads = new AttachmentUploads({
    store,
    files: deps.files,
    now,
    scanner: deps.scanner,
    onScanUnavailable: (error) => logger.error('malware scan unavailable: upload refused', { error }),
  });
  const email = createEmailModule({
    config: config.email,
    queueMaxWaitSeconds: config.queueMaxWaitSeconds,
    store,
    events,
    dispatcher,
    auth,
    now,
    logger,
    publicUrl: deps.publicUrl,
    uploads,
    attachmentFiles,
  });
  const availability = new Availability({
    store,
    presence,
    events,
    dispatcher,
    onError: (error) => logger.error('availability update failed', { error }),
  });
  // answer bot (issue 22): a site whose bot is on opens its conversations with the bot
  const webhooks = createWebhooksModule({ config: config.webhooks, store, events, now, logger });
  const apiTokens = new ApiTokens({ store, now });
  const answerBot = createAnswerBot({ ...deps, dispatcher, tickets: email.tickets, webhooks, apiTokens });
  // a visitor writing to their unsolved ticket continues it rather than starting a chat
  const conversations = new Conversations({
    store,
    events,
    dispatcher,
    tickets: email.tickets,
    now,
    bots: answerBot.conversations,
  });
  return {
    dispatcher,
    auth,
    email,
    conversations,
    richAnswers: new RichAnswers({ store, events, now }),
    availability,
    absentAgents: new AbsentAgents({
      store,
      presence,
      events,
      dispatcher,
      availability,
      graceSeconds: config.scale.agentRequeueGraceSeconds,
      now,
    }),
    handoffs: new Handoffs({ store, events, dispatcher, now }),
    notes: new PrivateNotes({ store, events, now }),
    edits: new MessageEdits({ store, events, now, visitorWindowSeconds: config.messageEditWindowSeconds }),
    ticketInbox: new TicketInbox({ store, events, now }),
    feedback: new ConversationFeedback({ store, events, now, mailLimits: email.visitorMailLimits }),
    insight: new VisitorInsight({ store, presence: visitorPresence, events, now }),
    rules: new ProactiveRules({ store, now }),
    outreach: new ProactiveOutreach({ store, presence: visitorPresence, events, now }),
    tokens,
    profiles: new VisitorProfiles({ store, events, tokens, now }),
    directory: new AgentDirectory({ store, events, dispatcher, now }),
    siteAdmin: new SiteAdmin({ store, now, queue: dispatcher, defaultQueueMaxWaitSeconds: config.queueMaxWaitSeconds }),
    canned: new CannedResponses({ store, now }),
    reports: new Reports({ store, dispatcher, now }),
    retention: new DataRetention({
      store,
      dispatcher,
      now,
      retentionDays: config.retention.days,
      mode: config.retention.mode,
      files: attachmentFiles,
    }),
    attachments: {
      uploads,
      files: attachmentFiles,
      messages: new MessageFiles({ store, events, dispatcher, conversations, now }),
    },
    helpCenter: createHelpCenter({
      store,
      now,
      files: deps.files,
      scanner: deps.scanner,
      publicUrl: deps.publicUrl,
      observer: deps.helpObserver,
    }),
    webhooks,
    apiTokens,
    answerBot,
  };
}
