/**
 * @module Chats of agents who are gone: an agent connected nowhere (closed the console, lost the
 * network, or sat on a process that died) keeps their chats for a grace period to come back; after
 * it the chats go back to the front of the queue. Every process sweeps; the requeue is a
 * conditional update, so two sweeps never move a chat twice. The sweep also drains the queue,
 * re-checks availability and corrects a queue announcement overtaken by another process's, which
 * makes up for a trigger lost in another process.
 */
import type { QueuedConversation } from '@parley/shared';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { Store } from '../store/store.ts';
import type { Availability } from './availability.ts';
import type { EventSink } from './events.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { hasFreeSeat } from './pick-agent.ts';

export interface AbsentAgentsDeps {
  store: Store;
  presence: AgentPresence;
  events: EventSink;
  dispatcher: QueueDispatcher;
  availability: Availability;
  graceSeconds: number;
  now: () => Date;
}

export class AbsentAgents {
  readonly #deps: AbsentAgentsDeps;

  constructor(deps: AbsentAgentsDeps) {
    this.#deps = deps;
  }

  /** One pass; returns how many chats went back to the queue. */
  async sweep(): Promise<number> {
    const { store, presence, events, dispatcher, availability } = this.#deps;
    const now = this.#deps.now();
    const online = new Set(await presence.online());
    const absent = (await store.conversations.activeHolders()).filter((id) => !online.has(id));
    let requeued = 0;
    if (absent.length > 0) {
      const since = await presence.absentSince(absent, now.toISOString());
      for (const agentId of absent) {
        const away = now.getTime() - Date.parse(since.get(agentId) ?? now.toISOString());
        if (away < this.#deps.graceSeconds * 1000) continue;
        for (const conversation of await store.conversations.requeueForAgent(agentId)) {
          events.publish({ type: 'conversation.updated', conversation });
          requeued += 1;
        }
      }
    }
    await availability.recheck();
    const queue = await dispatcher.queue();
    if (requeued > 0 || (await this.#assignable(queue))) await dispatcher.drain();
    else dispatcher.announceQueueIfStale(queue);
    return requeued;
  }

  /** A chat waits for routing while someone could take it: a drain was missed somewhere. */
  async #assignable(queue: QueuedConversation[]): Promise<boolean> {
    if (!queue.some((c) => c.routingMode === 'automatic')) return false;
    return (await this.#deps.dispatcher.connectedAgents()).some(hasFreeSeat);
  }
}
