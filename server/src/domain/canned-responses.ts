/**
 * @module Canned responses: every agent keeps personal ones; admins keep the shared set. An agent
 * touches only their own personal responses, whatever id they send.
 */
import type { CannedResponseValues } from '@parley/shared';
import { notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { CannedResponseRecord } from '../store/canned-response-store.ts';
import type { Store } from '../store/store.ts';
import { newId } from './ids.ts';

/** Whose responses a call works on: the shared set (admin routes only) or one agent's own. */
export type CannedOwner = { scope: 'shared' } | { scope: 'personal'; agent: AgentRecord };

export class CannedResponses {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  /** What the agent can insert: the shared set and their own. */
  listFor(agent: AgentRecord): Promise<CannedResponseRecord[]> {
    return this.#store.cannedResponses.listFor(agent.id);
  }

  create(owner: CannedOwner, input: CannedResponseValues): Promise<CannedResponseRecord> {
    return this.#store.cannedResponses.create({
      id: newId('cnd'),
      ownerId: ownerIdOf(owner),
      shortcut: input.shortcut,
      body: input.body,
      content: input.content ?? null,
      now: this.#now().toISOString(),
    });
  }

  async update(owner: CannedOwner, id: string, input: CannedResponseValues): Promise<CannedResponseRecord> {
    await this.#owned(owner, id);
    const updated = await this.#store.cannedResponses.update(id, {
      ...input,
      content: input.content ?? null,
      now: this.#now().toISOString(),
    });
    if (!updated) throw notFound('Canned response');
    return updated;
  }

  async delete(owner: CannedOwner, id: string): Promise<void> {
    await this.#owned(owner, id);
    await this.#store.cannedResponses.delete(id);
  }

  async #owned(owner: CannedOwner, id: string): Promise<CannedResponseRecord> {
    const found = await this.#store.cannedResponses.findById(id);
    // Someone else's response answers exactly like a missing one: ids are not an oracle.
    if (!found || found.ownerId !== ownerIdOf(owner)) throw notFound('Canned response');
    return found;
  }
}

function ownerIdOf(owner: CannedOwner): string | null {
  return owner.scope === 'shared' ? null : owner.agent.id;
}
