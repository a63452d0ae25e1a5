/**
 * @module Agents: accounts, status and load, and what routing and the widget header read of them.
 */
import type { Agent, AgentRole, AgentStatus } from '@parley/shared';

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
