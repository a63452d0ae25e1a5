/**
 * @module Storage interfaces the domain depends on. One implementation per engine lives beside this file;
 * the domain never sees SQL.
 */
import type { Agent, AgentRole, AuthorKind, Conversation, ConversationSummary, Message } from '@parley/shared';

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
}

export type NewSite = SiteRecord;

export interface AgentRecord extends Agent {
  passwordHash: string;
  active: boolean;
}

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
  capacity: number;
  activeCount: number;
  lastAssignedAt: string | null;
}

export interface SiteStore {
  findByKey(siteKey: string): Promise<SiteRecord | undefined>;
  findDemo(): Promise<SiteRecord | undefined>;
  create(site: NewSite): Promise<SiteRecord>;
  setAllowedOrigins(id: string, origins: string[]): Promise<void>;
}

export interface AgentStore {
  count(): Promise<number>;
  findByEmail(email: string): Promise<AgentRecord | undefined>;
  findById(id: string): Promise<AgentRecord | undefined>;
  create(agent: NewAgent): Promise<AgentRecord>;
  /** Active agents among `ids`, with how many conversations each holds open now. */
  routingCandidates(ids: string[]): Promise<RoutingCandidate[]>;
}

export interface SessionStore {
  create(tokenHash: string, agentId: string, expiresAt: string): Promise<void>;
  find(tokenHash: string): Promise<{ agentId: string; expiresAt: string } | undefined>;
  delete(tokenHash: string): Promise<void>;
}

export interface VisitorStore {
  ensure(id: string, siteId: string, now: string): Promise<void>;
}

export interface ConversationStore {
  findById(id: string): Promise<Conversation | undefined>;
  /** The visitor's queued or active conversation, if any: there is at most one. */
  findOpenByVisitor(visitorId: string): Promise<Conversation | undefined>;
  findLatestByVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** Fails with a Conflict ParleyError when the visitor already has an open conversation. */
  create(input: { id: string; siteId: string; visitorId: string; now: string }): Promise<Conversation>;
  /** Queued conversations, oldest first. */
  listQueued(): Promise<ConversationSummary[]>;
  listOpenForAgent(agentId: string): Promise<ConversationSummary[]>;
  summary(id: string): Promise<ConversationSummary | undefined>;
  /** Assigns only if still queued; undefined when someone else got there first. */
  assign(id: string, agentId: string, now: string): Promise<Conversation | undefined>;
  /** Closes only if open; undefined when it was already closed. */
  close(id: string, by: AuthorKind, now: string): Promise<Conversation | undefined>;
  /** Raises the seen mark of one side, never lowers it. */
  markSeen(id: string, by: 'visitor' | 'agent', seq: number): Promise<Conversation | undefined>;
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
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  sites: SiteStore;
  agents: AgentStore;
  sessions: SessionStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  messages: MessageStore;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
