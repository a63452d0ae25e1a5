/**
 * @module Agent availability: records agents' connections in presence and announces when the first
 * agent comes online or the last goes offline, so widgets can switch between live chat and the
 * offline form. (Agents serve every site today, so availability is global.)
 */
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { EventSink } from './events.ts';
import type { Router } from './routing.ts';

export class Availability {
  readonly #presence: AgentPresence;
  readonly #events: EventSink;
  readonly #router: Router;

  constructor(deps: { presence: AgentPresence; events: EventSink; router: Router }) {
    this.#presence = deps.presence;
    this.#events = deps.events;
    this.#router = deps.router;
  }

  /** One more connection of the agent; true when the agent has just come online. */
  async agentConnected(agentId: string): Promise<boolean> {
    const cameOnline = await this.#presence.connect(agentId);
    if (cameOnline && (await this.#presence.online()).length === 1) {
      this.#events.publish({ type: 'availability.changed', agentsOnline: true });
    }
    // Coming online frees capacity: routing looks at the queue again (and re-estimates the wait).
    await this.#router.drain();
    return cameOnline;
  }

  /** One connection of the agent gone; true when the agent has just gone offline. */
  async agentDisconnected(agentId: string): Promise<boolean> {
    const wentOffline = await this.#presence.disconnect(agentId);
    if (wentOffline) {
      if ((await this.#presence.online()).length === 0) {
        this.#events.publish({ type: 'availability.changed', agentsOnline: false });
      }
      // Fewer agents online changes the wait estimate queued visitors are told.
      await this.#router.announceQueue();
    }
    return wentOffline;
  }
}
