/**
 * @module Which agents are online. One process keeps it in memory; the scale-out issue adds a Redis
 * implementation with heartbeats behind the same interface.
 */
export interface AgentPresence {
  /** Records one more connection of the agent; true when the agent has just come online. */
  connect(agentId: string): Promise<boolean>;
  /** Records one connection gone; true when the agent has just gone offline. */
  disconnect(agentId: string): Promise<boolean>;
  online(): Promise<string[]>;
}

export class LocalAgentPresence implements AgentPresence {
  readonly #connections = new Map<string, number>();

  connect(agentId: string): Promise<boolean> {
    const count = this.#connections.get(agentId) ?? 0;
    this.#connections.set(agentId, count + 1);
    return Promise.resolve(count === 0);
  }

  disconnect(agentId: string): Promise<boolean> {
    const count = this.#connections.get(agentId) ?? 0;
    if (count <= 1) {
      this.#connections.delete(agentId);
      return Promise.resolve(count === 1);
    }
    this.#connections.set(agentId, count - 1);
    return Promise.resolve(false);
  }

  online(): Promise<string[]> {
    return Promise.resolve([...this.#connections.keys()]);
  }
}
