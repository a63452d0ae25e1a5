/**
 * @module Agent presence shared through Redis. Each process keeps the count of its own connections
 * per agent (the truth about its sockets) and writes the absolute number to its hash in Redis; a
 * script adds the change to the total across processes in the same step, so "came online" and
 * "went offline" are seen by exactly one process. A dead process's counts are subtracted by the
 * reaper (process-lease.ts); a write that failed while Redis was away is written again on renewal.
 */
import type { AgentPresence } from './agent-presence.ts';
import type { LeaseParticipant, ProcessLease } from './process-lease.ts';
import type { RedisClient } from './redis-connection.ts';
import { evalScript, toStrings } from './redis-script.ts';

/** KEYS: process hash, totals, absent; ARGV: agent, this process's count. Returns the total before and after. */
const SET_COUNT = `
local old = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local new = tonumber(ARGV[2])
if new > 0 then redis.call('HSET', KEYS[1], ARGV[1], new) else redis.call('HDEL', KEYS[1], ARGV[1]) end
local total = redis.call('HINCRBY', KEYS[2], ARGV[1], new - old)
if total <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) else redis.call('HDEL', KEYS[3], ARGV[1]) end
return {total - (new - old), total}
`;

/** KEYS: process hash, totals, alive key; ARGV: '1' to do nothing while the process is alive. Returns agents gone offline. */
const DROP_PROCESS = `
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return {} end
local entries = redis.call('HGETALL', KEYS[1])
local gone = {}
for i = 1, #entries, 2 do
  local total = redis.call('HINCRBY', KEYS[2], entries[i], -tonumber(entries[i + 1]))
  if total <= 0 then
    redis.call('HDEL', KEYS[2], entries[i])
    table.insert(gone, entries[i])
  end
end
redis.call('DEL', KEYS[1])
return gone
`;

export class RedisAgentPresence implements AgentPresence, LeaseParticipant {
  readonly #redis: RedisClient;
  readonly #lease: ProcessLease;
  readonly #totalsKey: string;
  readonly #absentKey: string;
  readonly #announcedKey: string;
  readonly #mine = new Map<string, number>();
  /** Agents whose count may not have reached Redis. */
  readonly #unwritten = new Set<string>();
  readonly #lostListeners: Array<(agentIds: string[]) => void> = [];
  /** The last answer of online(), used while Redis is away so routing keeps working meanwhile. */
  #lastOnline: string[] = [];

  constructor(redis: RedisClient, lease: ProcessLease) {
    this.#redis = redis;
    this.#lease = lease;
    this.#totalsKey = `${lease.keyPrefix}agents`;
    this.#absentKey = `${lease.keyPrefix}agents:absent`;
    this.#announcedKey = `${lease.keyPrefix}availability`;
    lease.join(this);
  }

  /** The hash of one process's connection count per agent. */
  #processKey(processId: string): string {
    return `${this.#lease.keyPrefix}agents:${processId}`;
  }

  async connect(agentId: string): Promise<boolean> {
    this.#mine.set(agentId, (this.#mine.get(agentId) ?? 0) + 1);
    const [before, after] = await this.#write(agentId);
    return before <= 0 && after > 0;
  }

  async disconnect(agentId: string): Promise<boolean> {
    const count = (this.#mine.get(agentId) ?? 0) - 1;
    if (count > 0) this.#mine.set(agentId, count);
    else this.#mine.delete(agentId);
    const [before, after] = await this.#write(agentId);
    return before > 0 && after <= 0;
  }

  async online(): Promise<string[]> {
    try {
      this.#lastOnline = await this.#redis.hKeys(this.#totalsKey);
    } catch {
      // Redis away: fall back on what was true a moment ago, plus who is connected here
      return [...new Set([...this.#lastOnline, ...this.#mine.keys()])];
    }
    return this.#lastOnline;
  }

  async announce(reachable: boolean): Promise<boolean> {
    const previous = await this.#redis.sendCommand(['SET', this.#announcedKey, reachable ? '1' : '0', 'GET']);
    // a string, or null the first time
    return (typeof previous === 'string' ? previous : null) !== (reachable ? '1' : '0');
  }

  async absentSince(agentIds: string[], now: string): Promise<Map<string, string>> {
    const since = new Map<string, string>();
    for (const id of agentIds) {
      await this.#redis.hSetNX(this.#absentKey, id, now);
      since.set(id, (await this.#redis.hGet(this.#absentKey, id)) ?? now);
    }
    return since;
  }

  onLost(listener: (agentIds: string[]) => void): void {
    this.#lostListeners.push(listener);
  }

  async reap(processId: string, options: { onlyIfDead: boolean }): Promise<void> {
    const gone = toStrings(
      await evalScript(
        this.#redis,
        DROP_PROCESS,
        [this.#processKey(processId), this.#totalsKey, this.#lease.aliveKey(processId)],
        [options.onlyIfDead ? '1' : '0'],
      ),
    );
    if (gone.length > 0 && processId !== this.#lease.id) for (const listener of this.#lostListeners) listener(gone);
  }

  async restore(force: boolean): Promise<void> {
    const agents = force
      ? new Set([...this.#mine.keys(), ...(await this.#redis.hKeys(this.#processKey(this.#lease.id)))])
      : new Set(this.#unwritten);
    for (const agentId of agents) await this.#write(agentId);
  }

  /** Writes this process's count of the agent; [total before, total after], or [0, 0] when Redis is away. */
  async #write(agentId: string): Promise<[number, number]> {
    try {
      const reply = await evalScript(
        this.#redis,
        SET_COUNT,
        [this.#processKey(this.#lease.id), this.#totalsKey, this.#absentKey],
        [agentId, String(this.#mine.get(agentId) ?? 0)],
      );
      this.#unwritten.delete(agentId);
      const [before, after] = Array.isArray(reply) ? reply.map(Number) : [];
      return [before ?? 0, after ?? 0];
    } catch {
      this.#unwritten.add(agentId);
      return [0, 0];
    }
  }
}
