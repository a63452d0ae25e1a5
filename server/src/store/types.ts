/**
 * @module Storage interfaces the domain depends on. One implementation per engine lives beside this file;
 * the domain never sees SQL.
 */
import type { VisitorMailStore } from './visitor-mail-store.ts';
import type {
  PastConversation,
  Agent,
  AgentRole,
  AgentStatus,
  AuthorKind,
  BusinessHours,
  CannedResponse,
  Conversation,
  ConversationOrigin,
  ConversationStatus,
  ConversationSummary,
  Message,
  Note,
  ProactiveRuleStats,
  ProactiveRuleValues,
  QueuedConversation,
  RoutingMode,
  Ticket,
  TicketStatus,
  WidgetConfig,
} from '@parley/shared';

export type PreChatSettings = WidgetConfig['preChat'];
export type VisitorAttributes = Record<string, string | number | boolean | null>;

export interface SiteRecord {
  id: string;
  name: string;
  siteKey: string;
  allowedOrigins: string[];
  color: string;
  greeting: string;
  position: 'right' | 'left';
  isDemo: boolean;
  createdAt: string;
  /** Hex key of the HMAC that proves a visitor's userId (visitor:identify's userHash). */
  identitySecret: string;
  identityVerificationRequired: boolean;
  /** BCP-47 default language of the widget; null: the browser's. */
  locale: string | null;
  preChat: PreChatSettings;
  /** When people answer, in the site's time zone; `enabled: false` means always. */
  businessHours: BusinessHours;
  /** Whether queued conversations are handed out by the server or accepted by agents. */
  routingMode: RoutingMode;
  /** Longest a queued visitor waits before the chat is answered by email; null: the server's default; 0: never. */
  queueMaxWaitSeconds: number | null;
}

type DefaultedSiteSettings =
  'identityVerificationRequired' | 'locale' | 'preChat' | 'businessHours' | 'routingMode' | 'queueMaxWaitSeconds';

/** A new site: widget settings default to off / the browser's language / always open, routing to automatic. */
export type NewSite = Omit<SiteRecord, DefaultedSiteSettings> & Partial<Pick<SiteRecord, DefaultedSiteSettings>>;

/** What an admin may change on a site; updateSettings changes only the fields given. */
export type SiteSettings = Partial<
  Pick<
    SiteRecord,
    DefaultedSiteSettings | 'name' | 'allowedOrigins' | 'color' | 'position' | 'greeting' | 'identitySecret'
  >
>;

export interface AgentRecord extends Agent {
  passwordHash: string;
  active: boolean;
  createdAt: string;
  status: AgentStatus;
}

/** What an admin may change on an agent; only the fields given change. */
export type AgentUpdate = Partial<
  Pick<AgentRecord, 'name' | 'email' | 'role' | 'capacity' | 'passwordHash' | 'active'>
>;

export interface NewAgent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  capacity: number;
  passwordHash: string;
  createdAt: string;
}

/** What routing needs to know of an agent to pick one. */
export interface RoutingCandidate {
  id: string;
  name: string;
  status: AgentStatus;
  capacity: number;
  activeCount: number;
  lastAssignedAt: string | null;
}

export interface SiteStore {
  findById(id: string): Promise<SiteRecord | undefined>;
  findByKey(siteKey: string): Promise<SiteRecord | undefined>;
  findDemo(): Promise<SiteRecord | undefined>;
  /** Every site, oldest first. */
  list(): Promise<SiteRecord[]>;
  create(site: NewSite): Promise<SiteRecord>;
  setAllowedOrigins(id: string, origins: string[]): Promise<void>;
  /** Changes only the settings given. */
  updateSettings(id: string, settings: SiteSettings): Promise<void>;
}

/** An agent as the widget header shows them: no email, no id. */
export interface TeamMember {
  name: string;
  avatarUrl: string | null;
}

export interface AgentStore {
  count(): Promise<number>;
  findByEmail(email: string): Promise<AgentRecord | undefined>;
  findById(id: string): Promise<AgentRecord | undefined>;
  /** Fails with a Conflict ParleyError when the email is taken. */
  create(agent: NewAgent): Promise<AgentRecord>;
  /** Every agent, active or not, oldest first. */
  list(): Promise<AgentRecord[]>;
  /** Undefined when there is no such agent; a Conflict ParleyError when the new email is taken. */
  update(id: string, changes: AgentUpdate): Promise<AgentRecord | undefined>;
  /** Active agents among `ids`, with how many conversations each holds open now. */
  routingCandidates(ids: string[]): Promise<RoutingCandidate[]>;
  /** Every active agent with their load, by name: whom a conversation could be transferred to. */
  listLoads(): Promise<RoutingCandidate[]>;
  setStatus(id: string, status: AgentStatus): Promise<void>;
  /** Up to `limit` active agents, the longest-standing first. */
  team(limit: number): Promise<TeamMember[]>;
  /** Name and avatar of the agents among `ids` that exist (active or not): who a proactive message is from. */
  profiles(ids: string[]): Promise<Array<TeamMember & { id: string; active: boolean }>>;
}

export interface SessionStore {
  create(tokenHash: string, agentId: string, expiresAt: string): Promise<void>;
  find(tokenHash: string): Promise<{ agentId: string; expiresAt: string } | undefined>;
  delete(tokenHash: string): Promise<void>;
  /** Signs the agent out everywhere. */
  deleteForAgent(agentId: string): Promise<void>;
}

export interface VisitorProfile {
  /** The host app's user id, kept only when proven with the site's HMAC. */
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  attributes: VisitorAttributes;
  verified: boolean;
  /** The visitor's IANA time zone as their browser reported it, or null. */
  timeZone: string | null;
}

export interface VisitorRecord extends VisitorProfile {
  id: string;
  siteId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** What an identify or an offline message changes; a field left undefined keeps what is stored. */
export interface VisitorProfileUpdate {
  externalUserId?: string | null;
  name?: string;
  email?: string;
  attributes?: VisitorAttributes;
  verified?: boolean;
  timeZone?: string;
}

export interface VisitorStore {
  ensure(id: string, siteId: string, now: string): Promise<void>;
  findById(id: string): Promise<VisitorRecord | undefined>;
  /** The visitors among `ids` that have a row, in no particular order: one read for a whole list. */
  findManyById(ids: readonly string[]): Promise<VisitorRecord[]>;
  /** Creates the visitor if needed and applies the update. */
  updateProfile(id: string, siteId: string, update: VisitorProfileUpdate, now: string): Promise<VisitorRecord>;
  /**
   * The site's other visitors verified as this host-app user (other browsers of one person), most
   * recently seen first, at most `limit`.
   */
  findVerifiedUser(siteId: string, externalUserId: string, excludeId: string, limit: number): Promise<VisitorRecord[]>;
}

export interface PageViewRecord {
  url: string;
  title: string;
  referrer: string | null;
  at: string;
}

export interface PageViewStore {
  /** Stores the view and drops the visitor's oldest beyond `keep`, so one visitor cannot grow the table. */
  record(visitorId: string, view: PageViewRecord, keep: number): Promise<void>;
  /** The visitor's latest views, newest first. */
  listRecent(visitorId: string, limit: number): Promise<PageViewRecord[]>;
}

export interface TranscriptRequestRecord {
  id: string;
  conversationId: string;
  email: string;
  requestedAt: string;
  sentAt: string | null;
}

export interface TranscriptRequestStore {
  /**
   * The conversation's one request, made or pointed at `email` (and dated `now`) while its
   * transcript is not sent yet; undefined when it was sent already (to `findByConversation(…).email`).
   */
  request(request: {
    id: string;
    conversationId: string;
    email: string;
    now: string;
  }): Promise<TranscriptRequestRecord | undefined>;
  findByConversation(conversationId: string): Promise<TranscriptRequestRecord | undefined>;
  /** Not yet sent, oldest first: what the mailer works through. */
  listPending(limit: number): Promise<TranscriptRequestRecord[]>;
}

export interface ConversationStore {
  findById(id: string): Promise<Conversation | undefined>;
  /** The visitor's queued or active conversation, if any: there is at most one. */
  findOpenByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** Which of these visitors have a queued or active conversation: one read for a whole list. */
  visitorsWithOpen(visitorIds: readonly string[]): Promise<Set<string>>;
  findLatestByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** The visitor's conversations newest first, each with its opening visitor message, for the visitor panel. */
  listByVisitor(visitorId: string, limit: number): Promise<PastConversation[]>;
  /**
   * A new conversation, queued unless `status` says offline. A queued one fails with a Conflict
   * ParleyError when the visitor already has an open (queued or active) conversation.
   */
  create(input: {
    id: string;
    siteId: string;
    visitorId: string;
    now: string;
    status?: 'queued' | 'offline';
    /** What started it, when the visitor answered a proactive message (issue 6). */
    origin?: ConversationOrigin | null;
    /** The proactive rule whose message started it (reports count conversations per rule). */
    startedByRuleId?: string | null;
  }): Promise<Conversation>;
  /** Queued conversations, oldest first, with the opening message and the site's routing mode. */
  listQueued(): Promise<QueuedConversation[]>;
  /** 1-based place of a queued conversation in listQueued's order, or null when it is not queued. */
  queuePosition(id: string): Promise<number | null>;
  listOpenForAgent(agentId: string): Promise<ConversationSummary[]>;
  /** The agent's conversations closed at or after `since`, the most recently closed first, at most `limit`. */
  listClosedForAgent(agentId: string, since: string, limit: number): Promise<ConversationSummary[]>;
  summary(id: string): Promise<ConversationSummary | undefined>;
  /**
   * Assigns only if still queued and the agent is active, online and below capacity, checked in the
   * same transaction (atomic across processes); undefined when someone else got there first or the
   * agent has no free seat.
   */
  assign(id: string, agentId: string, now: string): Promise<Conversation | undefined>;
  /**
   * Moves an active conversation from one agent to another who is online with a free seat (checked
   * atomically, as for assign); undefined when it is not `from`'s active one or the seat is gone.
   */
  transfer(id: string, fromAgentId: string, toAgentId: string): Promise<Conversation | undefined>;
  /**
   * Back to active with the same agent, only if it is closed, was theirs and they have a free seat;
   * undefined otherwise. A Conflict ParleyError when the visitor has meanwhile opened another conversation.
   */
  reopen(id: string, agentId: string): Promise<Conversation | undefined>;
  /** Closes only if open; undefined when it was already closed. */
  close(id: string, by: AuthorKind, now: string): Promise<Conversation | undefined>;
  /** Raises the seen mark of one side, never lowers it. */
  markSeen(id: string, by: 'visitor' | 'agent', seq: number): Promise<Conversation | undefined>;
  /** Sets (or replaces) the visitor's rating. */
  rate(id: string, rating: number, comment: string | null): Promise<Conversation | undefined>;
  /**
   * Puts the agent's active conversations back in the queue (unassigned, keeping their creation
   * time, so they are first in line again) and returns them as they are now.
   */
  requeueForAgent(agentId: string): Promise<Conversation[]>;
  /** Ids of the agents who hold at least one active conversation. */
  activeHolders(): Promise<string[]>;
  /** Seconds from creation to assignment of the `limit` most recently assigned conversations. */
  recentWaits(limit: number): Promise<number[]>;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  clientMessageId: string | null;
  author: { kind: AuthorKind; id: string | null; name: string | null };
  body: string;
  now: string;
}

/** A stored message (or the one already stored under its client id) and its conversation as it stands after the write. */
export interface AppendedMessage {
  message: Message;
  created: boolean;
  conversation: Conversation;
}

export interface MessageStore {
  /**
   * Stores with the next seq, or returns the message already stored under the same clientMessageId.
   * Answers once the write is durable; concurrent appends may share one transaction.
   */
  append(message: NewMessage): Promise<AppendedMessage>;
  /**
   * Like append, into the visitor's open (queued or active) conversation, found in the same write;
   * undefined, with nothing written, when the visitor has none open.
   */
  appendToOpen(visitorId: string, message: Omit<NewMessage, 'conversationId'>): Promise<AppendedMessage | undefined>;
  findByClientId(conversationId: string, clientMessageId: string): Promise<Message | undefined>;
  listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** A message the visitor sent with this client id in any of their conversations, with its conversation id. */
  findByVisitorClientId(visitorId: string, clientMessageId: string): Promise<Message | undefined>;
}

export interface CannedResponseRecord extends CannedResponse {
  /** null for a shared response; the owning agent's id for a personal one. */
  ownerId: string | null;
}

export interface CannedResponseStore {
  /** The shared responses and the agent's personal ones: shared first, each by shortcut. */
  listFor(agentId: string): Promise<CannedResponseRecord[]>;
  findById(id: string): Promise<CannedResponseRecord | undefined>;
  /** Fails with a Conflict ParleyError when the owner (or the shared set) already has the shortcut. */
  create(input: {
    id: string;
    ownerId: string | null;
    shortcut: string;
    body: string;
    now: string;
  }): Promise<CannedResponseRecord>;
  /** Undefined when it is gone; a Conflict ParleyError when the new shortcut is taken. */
  update(
    id: string,
    changes: { shortcut: string; body: string; now: string },
  ): Promise<CannedResponseRecord | undefined>;
  /** True when something was deleted. */
  delete(id: string): Promise<boolean>;
}

export interface NewNote {
  id: string;
  conversationId: string;
  clientNoteId: string | null;
  author: { id: string; name: string };
  body: string;
  transferredTo: { id: string; name: string } | null;
  now: string;
}

/** Private notes. Only agent-side code reads this store: nothing here may reach a visitor. */
export interface NoteStore {
  /** Stores the note after the conversation's current last message, or returns the one already stored under clientNoteId. */
  add(note: NewNote): Promise<{ note: Note; created: boolean }>;
  listFor(conversationId: string): Promise<Note[]>;
}

/** A ticket with what only the server knows: the reply address token and the mail thread. */
export interface TicketRecord extends Ticket {
  /** Secret part of the Reply-To address reply+<token>@…: whoever holds it may answer the ticket. */
  replyToken: string;
  /** Message-ID of the first mail of the thread (References' root). */
  rootMessageId: string;
  /** Message-ID of the latest mail either way (the next mail's In-Reply-To). */
  lastMessageId: string;
}

export type NewTicket = Omit<TicketRecord, 'assignee' | 'solvedAt' | 'createdAt' | 'lastActivityAt'> & {
  assigneeId: string | null;
  now: string;
};

/** What a write changes on a ticket; a field left undefined keeps what is stored. */
export interface TicketChange {
  status?: TicketStatus;
  assigneeId?: string | null;
  lastMessageId?: string;
  lastActivityAt?: string;
  solvedAt?: string | null;
}

export interface TicketListFilter {
  status?: TicketStatus;
  email?: string;
  limit: number;
  offset: number;
}

export type MailKind = 'ticket_confirmation' | 'ticket_reply' | 'ticket_notice' | 'transcript' | 'unseen_replies';

/** A mail as the domain writes it to the outbox; From is added when it is sent. */
export interface NewOutboxMail {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  replyTo: string | null;
  conversationId: string | null;
  /** A second mail with the same key is not stored: makes enqueueing from several processes safe. */
  dedupeKey: string | null;
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMailRecord extends NewOutboxMail {
  status: OutboxStatus;
  /** Sending attempts so far, the current one included once claimed. */
  attempts: number;
  nextAttemptAt: string;
  /** Set while claimed: only the claimer may mark the entry sent or failed. */
  claimToken: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export interface TicketStore {
  findByConversation(conversationId: string): Promise<TicketRecord | undefined>;
  findByReplyToken(token: string): Promise<TicketRecord | undefined>;
  /** The ticket whose outbox sent a mail with one of these Message-IDs (an In-Reply-To/References lookup). */
  findBySentMessageId(messageIds: string[]): Promise<TicketRecord | undefined>;
  /**
   * Makes the conversation a ticket in one transaction: the conversation moves to `offline` (out of
   * queue and agent capacity) only from one of `fromStatuses`, the ticket and its mails are stored.
   * `created: false` with the ticket when it was one already (no mails stored); undefined when the
   * conversation is gone or in another status (someone else got there first).
   */
  open(input: {
    ticket: NewTicket;
    fromStatuses: ConversationStatus[];
    mails: NewOutboxMail[];
  }): Promise<{ ticket: TicketRecord; created: boolean } | undefined>;
  /**
   * Appends a message to the ticket's conversation, applies the change and stores the mails, all or
   * nothing. A message already stored under the same client id is returned with `created: false`
   * and nothing else is written.
   */
  appendMessage(input: {
    message: NewMessage;
    change: TicketChange;
    mails: (message: Message) => NewOutboxMail[];
  }): Promise<{ message: Message; created: boolean; ticket: TicketRecord }>;
  update(conversationId: string, change: TicketChange): Promise<TicketRecord | undefined>;
  /**
   * One page of tickets, newest activity first: with `status`, only those; with `email`, only those
   * whose address contains it (any case). One more than `limit` tells the caller there is more.
   */
  list(filter: TicketListFilter): Promise<TicketRecord[]>;
  /** Active agents, who get new-ticket notifications. */
  agentsToNotify(): Promise<Array<{ id: string; email: string; name: string }>>;
}

export interface OutboxStore {
  /** Stores the mails; a mail whose dedupeKey is taken is skipped. Returns how many were stored. */
  enqueue(mails: NewOutboxMail[]): Promise<number>;
  /**
   * Claims up to `limit` entries due at `now` (pending, or sending with an expired lease) for one
   * sender: each entry goes to exactly one caller, across processes sharing the database.
   */
  claimDue(input: { now: string; leaseUntil: string; limit: number; claimToken: string }): Promise<OutboxMailRecord[]>;
  /** Only the current claimer marks; false when the claim was lost (lease expired, taken over). */
  markSent(id: string, claimToken: string, now: string): Promise<boolean>;
  /** Back to pending at `retryAt`, or failed for good when retryAt is null. */
  markFailed(id: string, claimToken: string, error: string, retryAt: string | null): Promise<boolean>;
  findById(id: string): Promise<OutboxMailRecord | undefined>;
  list(filter: { conversationId?: string }): Promise<OutboxMailRecord[]>;
  counts(): Promise<Record<OutboxStatus, number>>;
}

/** Mail that is composed later than the event that causes it: transcripts and unseen-reply digests. */
export interface MailJobStore {
  /** Asks for an unseen-replies mail at `dueAt`, unless one is already due earlier. */
  scheduleUnseenReplies(conversationId: string, dueAt: string): Promise<void>;
  /** Claims digests due at `now` until `leaseUntil`; each goes to one caller. */
  claimDueUnseenReplies(
    now: string,
    leaseUntil: string,
    limit: number,
  ): Promise<Array<{ conversationId: string; emailedSeq: number }>>;
  /** Stores the mail (if any), raises the emailed mark and ends the claim, all or nothing. */
  completeUnseenReplies(conversationId: string, emailedSeq: number, mail: NewOutboxMail | null): Promise<void>;
  /** Transcript requests not yet mailed whose conversation has ended (closed or offline). */
  listReadyTranscripts(limit: number): Promise<TranscriptRequestRecord[]>;
  /** Stores the mail and marks the request sent, all or nothing. */
  completeTranscript(requestId: string, mail: NewOutboxMail, now: string): Promise<void>;
}

/** A page rule as stored: the admin's values plus where it stands in the site's order. */
export interface ProactiveRuleRecord extends ProactiveRuleValues {
  id: string;
  siteId: string;
  /** Lower runs first; the store keeps a site's positions 0…n-1. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProactiveInviteRecord {
  id: string;
  siteId: string;
  visitorId: string;
  agentId: string;
  message: string;
  createdAt: string;
}

/** What happened to a proactive message; `replied` is recorded by the server when a reply starts a chat. */
export type ProactiveEventKind = 'fired' | 'shown' | 'opened' | 'dismissed' | 'replied';

export interface NewProactiveEvent {
  origin: { ruleId: string } | { inviteId: string };
  event: ProactiveEventKind;
  visitorId: string;
  conversationId: string | null;
  at: string;
}

export interface ProactiveStore {
  /** The site's rules in order. */
  listRules(siteId: string): Promise<ProactiveRuleRecord[]>;
  findRule(id: string): Promise<ProactiveRuleRecord | undefined>;
  /** Stored after the site's last rule. */
  createRule(rule: ProactiveRuleValues & { id: string; siteId: string; now: string }): Promise<ProactiveRuleRecord>;
  /** Replaces the rule's values (its position stays); undefined when it is gone. */
  updateRule(id: string, values: ProactiveRuleValues, now: string): Promise<ProactiveRuleRecord | undefined>;
  setEnabled(id: string, enabled: boolean, now: string): Promise<ProactiveRuleRecord | undefined>;
  /** Deletes the rule and its counts and closes the gap in the order. True when something was deleted. */
  deleteRule(id: string): Promise<boolean>;
  /** Puts the site's rules in this order; false (and nothing changed) unless `ruleIds` are exactly the site's rules. */
  reorder(siteId: string, ruleIds: string[]): Promise<boolean>;
  recordEvent(event: NewProactiveEvent): Promise<void>;
  /** Counts per rule of the site; a rule nothing happened to yet is absent. */
  ruleStats(siteId: string): Promise<Map<string, ProactiveRuleStats>>;
  createInvite(invite: ProactiveInviteRecord): Promise<void>;
  findInvite(id: string): Promise<ProactiveInviteRecord | undefined>;
}

/** One conversation as reports read it: the facts recorded as it happened. */
export interface ConversationFacts {
  id: string;
  siteId: string;
  /** The agent who holds (or last held) it. */
  agentId: string | null;
  status: ConversationStatus;
  /** Queued at (or left, for an offline message). */
  createdAt: string;
  firstAssignedAt: string | null;
  firstAgentReplyAt: string | null;
  closedAt: string | null;
  transferCount: number;
  reopenCount: number;
  /** Set when it became an email ticket. */
  ticket: { status: TicketStatus; solvedAt: string | null } | null;
  rating: number | null;
  startedByRuleId: string | null;
}

export interface ReportStore {
  /** Conversations created in [from, to) (ISO instants), optionally of one site, oldest first. */
  conversationFacts(filter: { from: string; to: string; siteId?: string | undefined }): Promise<ConversationFacts[]>;
  /** Conversations waiting in the queue now, and when the longest-waiting one was queued. */
  waiting(): Promise<{ count: number; oldestCreatedAt: string | null }>;
}

/** Everything stored about one visitor, for a privacy export. */
export interface VisitorDataExport {
  visitor: VisitorRecord;
  pageViews: PageViewRecord[];
  conversations: Array<{
    id: string;
    status: ConversationStatus;
    createdAt: string;
    closedAt: string | null;
    rating: number | null;
    ratingComment: string | null;
    messages: Message[];
    ticket: { status: TicketStatus; email: string; createdAt: string; solvedAt: string | null } | null;
    transcriptRequests: Array<{ email: string; requestedAt: string; sentAt: string | null }>;
  }>;
}

/** Retention and privacy requests: removing what is no longer to be kept, everywhere it is stored. */
export interface PrivacyStore {
  /**
   * Ended conversations not yet anonymised whose end is before `cutoff`: chats closed before it, and
   * offline ones (tickets) solved before it, or without a ticket and left before it. Up to `limit` ids.
   */
  expiredConversations(cutoff: string, limit: number): Promise<string[]>;
  /** Deletes the conversations with their messages, notes, ticket, mails and transcript requests. */
  deleteConversations(ids: string[]): Promise<void>;
  /**
   * Keeps the conversations' report facts (times, counts, rating) and deletes what was said or
   * who said it: messages, notes, rating comment, mails, transcript requests, the ticket's address.
   */
  anonymiseConversations(ids: string[], now: string): Promise<void>;
  /**
   * Page views before `cutoff`, and visitors last seen before it with nothing kept of theirs: deleted
   * when none of their conversations is left, their profile cleared when only anonymised ones are.
   * Returns how many visitors were touched.
   */
  forgetIdleVisitors(cutoff: string): Promise<number>;
  exportVisitor(visitorId: string): Promise<VisitorDataExport | undefined>;
  /** Deletes the visitor and everything of theirs; false when there was no such visitor. */
  deleteVisitor(visitorId: string): Promise<boolean>;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
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
  /** Migrations known to this build and not yet applied (empty when the schema is current). */
  pendingMigrations(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
