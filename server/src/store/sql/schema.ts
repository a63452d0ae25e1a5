/**
 * @module Table shapes as kysely sees them. Times are ISO-8601 text in both engines, so ordering and
 * comparison work the same way everywhere; booleans are 0/1 integers for the same reason.
 */
import type { Generated } from 'kysely';
import type {
  ApiIdempotencyTable,
  ApiTokensTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from './integration-tables.ts';

export type { ApiIdempotencyTable, ApiTokensTable, WebhookDeliveriesTable, WebhookEndpointsTable };

export interface SitesTable {
  id: string;
  name: string;
  site_key: string;
  allowed_origins: string; // JSON array
  color: string;
  greeting: string;
  position: string;
  is_demo: number;
  created_at: string;
  /** Hex; set for every site (backfilled by migration 0002, generated at creation since). */
  identity_secret: string | null;
  identity_verification_required: number;
  locale: string | null;
  pre_chat: string; // JSON { enabled, fields }
  business_hours: string; // JSON { enabled, timeZone, days }
  routing_mode: string;
  /** Seconds; null: the server's default (QUEUE_MAX_WAIT_SECONDS); 0: never. */
  queue_max_wait_seconds: number | null;
  /** JSON AttachmentSettings; null: the defaults (DEFAULT_ATTACHMENT_SETTINGS). */
  attachments: string | null;
  /** light | dark | auto (migration 0017). */
  theme: string;
  /** chat | help-first | articles-only (migration 0024). */
  help_mode: string;
}

export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  role: string;
  capacity: number;
  password_hash: string;
  active: number;
  last_assigned_at: string | null;
  created_at: string;
  avatar_url: string | null;
  status: string;
}

export interface SessionsTable {
  token_hash: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
}

export interface VisitorsTable {
  id: string;
  site_id: string;
  name: string | null;
  email: string | null;
  created_at: string;
  last_seen_at: string;
  external_user_id: string | null;
  verified: number;
  attributes: string | null; // JSON object
  /** IANA zone the widget reported (Europe/Berlin), or null. */
  time_zone: string | null;
}

export interface ConversationsTable {
  id: string;
  site_id: string;
  visitor_id: string;
  status: string;
  agent_id: string | null;
  created_at: string;
  assigned_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  last_seq: number;
  /** Edits and deletes made in it so far (migration 0020): the last one's number. */
  change_seq?: number;
  visitor_seen_seq: number;
  agent_seen_seq: number;
  rating: number | null;
  rating_comment: string | null;
  origin: string | null; // JSON ConversationOrigin
  /** Facts for reports (migration 0007): kept through requeues, transfers and reopens. */
  first_assigned_at: string | null;
  first_agent_reply_at: string | null;
  transfer_count: number;
  reopen_count: number;
  /** The proactive rule whose message started the conversation, if one did. */
  started_by_rule_id: string | null;
  /** Set when retention anonymised it: the facts stay, the words and the person are gone. */
  anonymised_at: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  author_kind: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
  // rich messages (migration 0019): content as JSON text, and the offer an answer answers
  content: string | null;
  answer_to: string | null;
  // quoted reply, edit and delete (migration 0020); optional so rows written before it still type
  reply_to_id?: string | null;
  edited_at?: string | null;
  deleted_at?: string | null;
  change_seq?: number;
}

export interface PageViewsTable {
  /** Generated: SQLite integer primary key, PostgreSQL bigserial (read back as a string). */
  id: Generated<number | string>;
  visitor_id: string;
  url: string;
  title: string;
  referrer: string | null;
  at: string;
}

export interface TranscriptRequestsTable {
  id: string;
  conversation_id: string;
  email: string;
  requested_at: string;
  sent_at: string | null;
}

export interface CannedResponsesTable {
  id: string;
  /** null: shared; otherwise the owning agent. */
  agent_id: string | null;
  shortcut: string;
  body: string;
  /** Rich content as JSON text (migration 0019), or null. */
  content: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotesTable {
  id: string;
  conversation_id: string;
  client_note_id: string | null;
  after_seq: number;
  author_id: string;
  author_name: string;
  body: string;
  transferred_to_id: string | null;
  transferred_to_name: string | null;
  created_at: string;
}

export interface TicketsTable {
  conversation_id: string;
  site_id: string;
  visitor_id: string;
  status: string;
  source: string;
  email: string;
  assignee_id: string | null;
  reply_token: string;
  root_message_id: string;
  last_message_id: string;
  created_at: string;
  last_activity_at: string;
  solved_at: string | null;
}

export interface MailOutboxTable {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  in_reply_to: string | null;
  refs: string; // JSON array
  reply_to: string | null;
  conversation_id: string | null;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** JSON array of attachment ids (migration 0023); null: none. */
  attachment_ids: string | null;
}

export interface MailUnseenRepliesTable {
  conversation_id: string;
  emailed_seq: number;
  due_at: string | null;
}

export interface ProactiveRulesTable {
  id: string;
  site_id: string;
  name: string;
  position: number;
  enabled: number;
  conditions: string; // JSON
  action: string; // JSON
  frequency: string;
  cooldown_minutes: number;
  created_at: string;
  updated_at: string;
}

export interface ProactiveInvitesTable {
  id: string;
  site_id: string;
  visitor_id: string;
  agent_id: string;
  message: string;
  created_at: string;
}

export interface ProactiveEventsTable {
  id: Generated<number | string>;
  rule_id: string | null;
  invite_id: string | null;
  event: string;
  visitor_id: string;
  conversation_id: string | null;
  at: string;
}

export interface Database {
  sites: SitesTable;
  agents: AgentsTable;
  sessions: SessionsTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  page_views: PageViewsTable;
  transcript_requests: TranscriptRequestsTable;
  canned_responses: CannedResponsesTable;
  notes: NotesTable;
  tickets: TicketsTable;
  mail_outbox: MailOutboxTable;
  mail_unseen_replies: MailUnseenRepliesTable;
  proactive_rules: ProactiveRulesTable;
  proactive_invites: ProactiveInvitesTable;
  proactive_events: ProactiveEventsTable;
  attachments: AttachmentsTable;
  message_revisions: MessageRevisionsTable;
  // public API (issue 21, migration 0025)
  api_tokens: ApiTokensTable;
  api_idempotency: ApiIdempotencyTable;
  // outbound webhooks (migration 0026)
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** The text an edit or delete replaced, who did it and when (migration 0020): the admins' audit trail. */
export interface MessageRevisionsTable {
  id: string;
  message_id: string;
  conversation_id: string;
  action: string; // 'edit' | 'delete'
  previous_body: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  client_change_id: string | null;
  created_at: string;
}

/** Files uploaded into a conversation (migration 0018); message_id is set once a message references it. */
export interface AttachmentsTable {
  id: string;
  conversation_id: string;
  uploader_kind: string; // 'visitor' | 'agent'
  uploader_id: string;
  name: string;
  type: string;
  size: number;
  storage_key: string;
  thumbnail_key: string | null;
  message_id: string | null;
  created_at: string;
}
