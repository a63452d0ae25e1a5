/**
 * @module Agent availability: records agents' connections in presence and the status each agent
 * chooses (online, away, offline; stored, so a reload keeps it), and tells visitors when whether
 * anyone can be reached live changes, so widgets switch between live chat and the offline form.
 * (Agents serve every site today, so availability is global.)
 */
import type { AgentStatus } from '@parley/shared';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { KeyedMutex } from './keyed-mutex.ts';

export class Availability {
  readonly #store: Store;
  readonly #presence: AgentPresence;
  readonly #events: EventSink;
  readonly #dispatcher: QueueDispatcher;
  readonly #rechecks = new KeyedMutex();

  constructor(deps: {
    store: Store;
    presence: AgentPresence;
    events: EventSink;
    dispatcher: QueueDispatcher;
    onError: (error: unknown) => void;
  }) {
    this.#store = deps.store;
    this.#presence = deps.presence;
    this.#events = deps.events;
    this.#dispatcher = deps.dispatcher;
    // Agents whose process died went offline without a disconnect here: tell visitors and the queue.
    this.#presence.onLost(() => {
      void this.recheck()
        .then(() => this.#dispatcher.announceQueue())
        .catch(deps.onError);
    });
  }

  /** One more connection of the agent; true when the agent has just come online. */
  async agentConnected(agentId: string): Promise<boolean> {
    const cameOnline = await this.#presence.connect(agentId);
    if (cameOnline) await this.recheck();
    // Coming online frees capacity: routing looks at the queue again (and re-estimates the wait).
    await this.#dispatcher.drain();
    return cameOnline;
  }

  /** One connection of the agent gone; true when the agent has just gone offline. */
  async agentDisconnected(agentId: string): Promise<boolean> {
    const wentOffline = await this.#presence.disconnect(agentId);
    if (wentOffline) {
      await this.recheck();
      // Fewer agents online changes the wait estimate queued visitors are told.
      this.#dispatcher.announceQueue();
    }
    return wentOffline;
  }

  /** The agent chose a status: away and offline keep their chats but get no new ones. */
  async setStatus(agentId: string, status: AgentStatus): Promise<AgentStatus> {
    await this.#store.agents.setStatus(agentId, status);
    this.#events.publish({ type: 'agent.status', agentId, status });
    await this.recheck();
    if (status === 'online') await this.#dispatcher.drain();
    else this.#dispatcher.announceQueue();
    return status;
  }

  async statusOf(agentId: string): Promise<AgentStatus> {
    return (await this.#store.agents.findById(agentId))?.status ?? 'offline';
  }

  /**
   * Tells visitors if whether anyone is reachable changed. What was last told is kept in presence,
   * shared by every process; the periodic sweep calls this too, so a race between two processes
   * telling opposite things is corrected within one sweep.
   */
  recheck(): Promise<void> {
    // one at a time, so two changes in quick succession cannot announce in the wrong order
    return this.#rechecks.run('availability', async () => {
      const reachable = await this.#dispatcher.agentsOnline();
      if (!(await this.#presence.announce(reachable))) return;
      this.#events.publish({ type: 'availability.changed', agentsOnline: reachable });
    });
  }
}
