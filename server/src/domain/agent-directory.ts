/**
 * @module The team, as admins manage it: adding agents, changing their name, email, role and
 * capacity, deactivating and reactivating them, and resetting passwords. Parley always keeps at
 * least one active admin, so nobody can lock everyone out of the admin pages.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { CreateAgentRequest, UpdateAgentRequest } from '@parley/shared';
import { ParleyError, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { hashPassword } from './passwords.ts';
import { newId } from './ids.ts';

export interface AgentDirectoryDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  now: () => Date;
}

const isActiveAdmin = (agent: AgentRecord): boolean => agent.active && agent.role === 'admin';

export class AgentDirectory {
  readonly #deps: AgentDirectoryDeps;
  // Role and activation changes run one at a time, so two admins demoting each other cannot both win.
  readonly #roleChanges = new KeyedMutex();

  constructor(deps: AgentDirectoryDeps) {
    this.#deps = deps;
  }

  list(): Promise<AgentRecord[]> {
    return this.#deps.store.agents.list();
  }

  async create(input: CreateAgentRequest): Promise<AgentRecord> {
    const agent = await this.#deps.store.agents.create({
      id: newId('agt'),
      email: input.email,
      name: input.name,
      role: input.role,
      capacity: input.capacity,
      passwordHash: await hashPassword(input.password),
      createdAt: this.#deps.now().toISOString(),
    });
    return agent;
  }

  async update(agentId: string, changes: UpdateAgentRequest): Promise<AgentRecord> {
    const updated = await this.#roleChanges.run('roles', async () => {
      const agent = await this.#find(agentId);
      if (changes.role === 'agent' && isActiveAdmin(agent)) await this.#keepAnotherAdmin(agent, 'demote');
      return this.#deps.store.agents.update(agentId, changes);
    });
    if (!updated) throw notFound('Agent');
    // More capacity may take chats off the queue at once; less never takes chats away.
    if (changes.capacity !== undefined) await this.#deps.dispatcher.drain();
    return updated;
  }

  /**
   * The agent can no longer sign in, is signed out everywhere, and their open chats go back to the
   * queue (first in line, since they keep their creation time) for someone else to take.
   */
  async deactivate(agentId: string): Promise<AgentRecord> {
    const { store, events, dispatcher } = this.#deps;
    const deactivated = await this.#roleChanges.run('roles', async () => {
      const agent = await this.#find(agentId);
      if (isActiveAdmin(agent)) await this.#keepAnotherAdmin(agent, 'deactivate');
      return store.agents.update(agentId, { active: false });
    });
    if (!deactivated) throw notFound('Agent');
    await store.sessions.deleteForAgent(agentId);
    events.publish({ type: 'agent.sessions-ended', agentId });
    for (const conversation of await store.conversations.requeueForAgent(agentId)) {
      events.publish({ type: 'conversation.updated', conversation });
    }
    await dispatcher.drain();
    return deactivated;
  }

  async reactivate(agentId: string): Promise<AgentRecord> {
    const agent = await this.#deps.store.agents.update(agentId, { active: true });
    if (!agent) throw notFound('Agent');
    return agent;
  }

  /** Sets a new password and ends the agent's sessions: whoever had the old one is out. */
  async resetPassword(agentId: string, password: string): Promise<AgentRecord> {
    const agent = await this.#deps.store.agents.update(agentId, { passwordHash: await hashPassword(password) });
    if (!agent) throw notFound('Agent');
    await this.#deps.store.sessions.deleteForAgent(agentId);
    this.#deps.events.publish({ type: 'agent.sessions-ended', agentId });
    return agent;
  }

  async #find(agentId: string): Promise<AgentRecord> {
    const agent = await this.#deps.store.agents.findById(agentId);
    if (!agent) throw notFound('Agent');
    return agent;
  }

  async #keepAnotherAdmin(agent: AgentRecord, action: 'demote' | 'deactivate'): Promise<void> {
    const others = (await this.#deps.store.agents.list()).filter((a) => a.id !== agent.id && isActiveAdmin(a));
    if (others.length === 0) {
      throw new ParleyError(
        ErrorCode.Conflict,
        `Cannot ${action} ${agent.name}: Parley needs at least one active admin. Make someone else an admin first.`,
      );
    }
  }
}
