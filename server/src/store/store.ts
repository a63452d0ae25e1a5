/**
 * @module Every storage interface the domain depends on, in one object. One implementation per engine lives
 * in store/sql/ (kysely over SQLite or PostgreSQL); the domain never sees SQL.
 */
import type { AgentStore } from './agent-store.ts';
import type { MessageChangeStore } from './message-change-store.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { CannedResponseStore } from './canned-response-store.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { MailJobStore } from './mail-job-store.ts';
import type { MessageStore } from './message-store.ts';
import type { NoteStore } from './note-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { PageViewStore } from './page-view-store.ts';
import type { PrivacyStore } from './privacy-store.ts';
import type { ProactiveStore } from './proactive-store.ts';
import type { ReportStore } from './report-store.ts';
import type { RichMessageStore } from './rich-message-store.ts';
import type { SessionStore } from './session-store.ts';
import type { SiteStore } from './site-store.ts';
import type { TicketStore } from './ticket-store.ts';
import type { TranscriptRequestStore } from './transcript-request-store.ts';
import type { VisitorStore } from './visitor-store.ts';
import type { VisitorMailStore } from './visitor-mail-store.ts';
import type { HelpCenterStore } from './help-center-store.ts';
import type { HelpSearch } from './help-search.ts';
// answer bot (issue 22)
import type { ExternalBotStore } from './external-bot-store.ts';
import type { BotStore } from './bot-store.ts';
// help center reports (issue 20, help-metrics)
import type { HelpReportStore } from './help-report-store.ts';
// public API (issue 21)
import type { ApiTokenStore, IdempotencyStore } from './api-token-store.ts';
import type { ConversationListStore } from './conversation-list-store.ts';
import type { WebhookStore } from './webhook-store.ts';
// parley export site (cli-backup)
import type { SiteExportStore } from './site-export-store.ts';

/** The SQL engine behind the store: a few statements differ between them (row locks, id columns). */
export type Engine = 'sqlite' | 'postgres';

export interface Store {
  readonly engine: Engine;
  sites: SiteStore;
  agents: AgentStore;
  sessions: SessionStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  messages: MessageStore;
  pageViews: PageViewStore;
  transcriptRequests: TranscriptRequestStore;
  visitorMail: VisitorMailStore;
  cannedResponses: CannedResponseStore;
  notes: NoteStore;
  tickets: TicketStore;
  outbox: OutboxStore;
  mailJobs: MailJobStore;
  proactive: ProactiveStore;
  reports: ReportStore;
  privacy: PrivacyStore;
  attachments: AttachmentStore;
  /** The help center's articles and events (migration 0021), and its search (one per engine). */
  helpCenter: HelpCenterStore;
  helpSearch: HelpSearch;
  /** What the help center's report reads (deflection, gaps, per article). */
  helpReports: HelpReportStore;
  richMessages: RichMessageStore;
  /** Edits and deletes of messages, with their revisions (issue 19). */
  messageChanges: MessageChangeStore;
  /** The answer bot's settings and the conversations it handled (issue 22, migration 0027). */
  bots: BotStore;
  /** External bots registered per site (issue 22, migration 0029). */
  externalBots: ExternalBotStore;
  // public API (issue 21): tokens, idempotent answers, and the filtered conversation list it pages through
  apiTokens: ApiTokenStore;
  idempotency: IdempotencyStore;
  conversationList: ConversationListStore;
  /** Outbound webhooks: endpoints and the delivery outbox (migration 0026). */
  webhooks: WebhookStore;
  /** A site's visitors and conversations page by page, for `parley export site`. */
  siteExport: SiteExportStore;
  /** Migrations known to this build and not yet applied (empty when the schema is current). */
  pendingMigrations(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Calls `listener` whenever the database fails us: a query fails for a reason other than a unique
   * violation (those are expected and handled), or no connection can be opened. Returns the unsubscribe.
   */
  onError(listener: (error: unknown) => void): () => void;
  close(): Promise<void>;
}
