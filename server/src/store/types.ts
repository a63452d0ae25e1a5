/**
 * @module Storage interfaces the domain depends on. One implementation per engine lives beside this file;
 * the domain never sees SQL.
 */
import type {
  Agent,
  AgentRole,
  AgentStatus,
  AuthorKind,
  BusinessHours,
  CannedResponse,
  Conversation,
  ConversationSummary,
  Message,
  Note,
  QueuedConversation,
  RoutingMode,
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
}

type DefaultedSiteSettings = 'identityVerificationRequired' | 'locale' | 'preChat' | 'businessHours' | 'routingMode';

/** A new site: widget settings default to off / the browser's language / always open, routing to automatic. */
export type NewSite = Omit<SiteRecord, DefaultedSiteSettings> & Partial<Pick<SiteRecord, DefaultedSiteSettings>>;

/** What an admin may change on a site; updateSettings changes only the fields given. */
export type SiteSettings = Partial<
  Pick<
    SiteRecord,
    | DefaultedSiteSettings
    | 'name'
    | 'allowedOrigins'
    | 'color'
    | 'position'
    | 'greeting'
    | 'identitySecret'
  >
>;

export interface AgentRecord extends Agent {
  passwordHash: string;
  active: boolean;
  createdAt: string;
  status: AgentStatus;
}

/** What an admin may change on an agent; only the fields given change. */
export type AgentUpdate = Partial<Pick<AgentRecord, 'name' | 'email' | 'role' | 'capacity' | 'passwordHash' | 'active'>>;

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
}

export interface VisitorStore {
  ensure(id: string, siteId: string, now: string): Promise<void>;
  findById(id: string): Promise<VisitorRecord | undefined>;
  /** Creates the visitor if needed and applies the update. */
  updateProfile(id: string, siteId: string, update: VisitorProfileUpdate, now: string): Promise<VisitorRecord>;
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
  create(request: { id: string; conversationId: string; email: string; now: string }): Promise<TranscriptRequestRecord>;
  /** Not yet sent, oldest first: what the mailer works through. */
  listPending(limit: number): Promise<TranscriptRequestRecord[]>;
}

export interface ConversationStore {
  findById(id: string): Promise<Conversation | undefined>;
  /** The visitor's queued or active conversation, if any: there is at most one. */
  findOpenByVisitor(visitorId: string): Promise<Conversation | undefined>;
  findLatestByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /**
   * A new conversation, queued unless `status` says offline. A queued one fails with a Conflict
   * ParleyError when the visitor already has an open (queued or active) conversation.
   */
  create(input: { id: string; siteId: string; visitorId: string; now: string; status?: 'queued' | 'offline' }): Promise<Conversation>;
  /** Queued conversations, oldest first, with the opening message and the site's routing mode. */
  listQueued(): Promise<QueuedConversation[]>;
  listOpenForAgent(agentId: string): Promise<ConversationSummary[]>;
  summary(id: string): Promise<ConversationSummary | undefined>;
  /** Assigns only if still queued; undefined when someone else got there first. */
  assign(id: string, agentId: string, now: string): Promise<Conversation | undefined>;
  /** Moves an active conversation from one agent to another; undefined when it is not `from`'s active one. */
  transfer(id: string, fromAgentId: string, toAgentId: string): Promise<Conversation | undefined>;
  /**
   * Back to active with the same agent, only if it is closed and was theirs; undefined otherwise. A
   * Conflict ParleyError when the visitor has meanwhile opened another conversation.
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

export interface MessageStore {
  /** Stores with the next seq, or returns the message already stored under the same clientMessageId. */
  append(message: NewMessage): Promise<{ message: Message; created: boolean }>;
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
  create(input: { id: string; ownerId: string | null; shortcut: string; body: string; now: string }): Promise<CannedResponseRecord>;
  /** Undefined when it is gone; a Conflict ParleyError when the new shortcut is taken. */
  update(id: string, changes: { shortcut: string; body: string; now: string }): Promise<CannedResponseRecord | undefined>;
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
  cannedResponses: CannedResponseStore;
  notes: NoteStore;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
