/**
 * @module Routing: hands queued conversations, oldest first, to online agents with free capacity,
 * and announces the queue whenever it may have changed.
 */
import type { ConversationSummary } from '@parley/shared';
import type { Store } from '../store/types.ts';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { EventSink } from './events.ts';
import { pickAgent } from './pick-agent.ts';
import { WAIT_HISTORY, estimateForPosition, secondsPerPlace } from './wait-estimate.ts';

export interface RouterDeps {
  store: Store;
  presence: AgentPresence;
  events: EventSink;
  now: () => Date;
}

export class Router {
  readonly #deps: RouterDeps;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(deps: RouterDeps) {
    this.#deps = deps;
  }

  /**
   * Assigns what can be assigned now. Calls that arrive while a drain runs coalesce into one more
   * pass after it, so a burst of triggers costs two passes, not one per trigger.
   */
  drain(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#pass();
        } while (this.#again);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async #pass(): Promise<void> {
    const { store, presence, events } = this.#deps;
    const queued = await store.conversations.listQueued();
    if (queued.length > 0) {
      const candidates = await store.agents.routingCandidates(await presence.online());
      for (const conversation of queued) {
        const agent = pickAgent(candidates);
        if (!agent) break;
        const now = this.#deps.now().toISOString();
        const assigned = await store.conversations.assign(conversation.id, agent.id, now);
        if (!assigned) continue; // someone else took it meanwhile
        agent.activeCount += 1;
        agent.lastAssignedAt = now;
        const summary = { ...assigned, lastMessage: conversation.lastMessage };
        events.publish({ type: 'conversation.updated', conversation: assigned });
        events.publish({ type: 'conversation.assigned', conversation: summary });
      }
    }
    await this.announceQueue();
  }

  async queue(): Promise<ConversationSummary[]> {
    return this.#deps.store.conversations.listQueued();
  }

  /** 1-based place of a queued conversation, or null when it is not waiting. */
  async positionOf(conversationId: string): Promise<number | null> {
    const index = (await this.queue()).findIndex((c) => c.id === conversationId);
    return index === -1 ? null : index + 1;
  }

  async agentsOnline(): Promise<boolean> {
    return (await this.#deps.presence.online()).length > 0;
  }

  /** The wait estimate's seconds per place in the queue now; null when unknown. */
  async secondsPerPlace(): Promise<number | null> {
    const { store, presence } = this.#deps;
    const online = await presence.online();
    if (online.length === 0) return null;
    const candidates = await store.agents.routingCandidates(online);
    const withFreeSeat = candidates.filter((c) => c.activeCount < c.capacity).length;
    return secondsPerPlace(await store.conversations.recentWaits(WAIT_HISTORY), online.length, withFreeSeat);
  }

  async estimateFor(position: number | null): Promise<number | null> {
    return position === null ? null : estimateForPosition(position, await this.secondsPerPlace());
  }

  async announceQueue(): Promise<void> {
    const queue = await this.queue();
    const perPlace = queue.length > 0 ? await this.secondsPerPlace() : null;
    this.#deps.events.publish({ type: 'queue.changed', queue, secondsPerPlace: perPlace });
  }
}
