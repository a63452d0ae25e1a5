/**
 * @module Which agents are online, counted by connection across every process. One process keeps
 * it in memory (here); several share it through Redis (redis-agent-presence.ts) behind the same
 * interface.
 */
export interface AgentPresence {
  /** Records one more connection of the agent; true when the agent has just come online. */
  connect(agentId: string): Promise<boolean>;
  /** Records one connection gone; true when the agent has just gone offline. */
  disconnect(agentId: string): Promise<boolean>;
  online(): Promise<string[]>;
  /**
   * Remembers what visitors were last told about whether anyone is reachable, for every process;
   * true when `reachable` differs from it (and so must be told).
   */
  announce(reachable: boolean): Promise<boolean>;
  /**
   * Since when each of these agents (none of them connected) has been seen away: the first call for
   * an agent stamps `now`; connecting again forgets it.
   */
  absentSince(agentIds: string[], now: string): Promise<Map<string, string>>;
  /** Agents who went offline without a goodbye: the process holding their connections died. */
  onLost(listener: (agentIds: string[]) => void): void;
}

export class LocalAgentPresence implements AgentPresence {
  readonly #connections = new Map<string, number>();
  readonly #absent = new Map<string, string>();
  #announced = false;

  connect(agentId: string): Promise<boolean> {
    const count = this.#connections.get(agentId) ?? 0;
    this.#connections.set(agentId, count + 1);
    this.#absent.delete(agentId);
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

  announce(reachable: boolean): Promise<boolean> {
    const changed = reachable !== this.#announced;
    this.#announced = reachable;
    return Promise.resolve(changed);
  }

  absentSince(agentIds: string[], now: string): Promise<Map<string, string>> {
    const since = new Map<string, string>();
    for (const id of agentIds) {
      if (!this.#absent.has(id)) this.#absent.set(id, now);
      since.set(id, this.#absent.get(id) ?? now);
    }
    return Promise.resolve(since);
  }

  onLost(): void {
    // one process: when it dies, everything it knew dies with it
  }
}
