/**
 * @module Visitor presence shared through Redis: each process lists its own sockets in its hash;
 * scripts keep one entry per visitor (with the count of their sockets on every process) in step
 * with them, so "the visitor left" is seen once, wherever their last tab was. A dead process's
 * sockets are removed by the reaper (process-lease.ts); each process keeps its own sockets locally
 * and writes them again when Redis forgot them.
 */
import type { PresentVisitor, VisitorConnection, VisitorPresence } from './visitor-presence.ts';
import type { LeaseParticipant, ProcessLease } from './process-lease.ts';
import type { RedisClient } from './redis-connection.ts';
import { evalScript, toStrings } from './redis-script.ts';

/** KEYS: process sockets, visitors, pages; ARGV: socket, visitor, site, user agent, at. Idempotent per socket. */
const CONNECT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local raw = redis.call('HGET', KEYS[2], ARGV[2])
local v
if raw then
  v = cjson.decode(raw)
  v.count = v.count + 1
  v.userAgent = ARGV[4]
else
  v = { visitorId = ARGV[2], siteId = ARGV[3], since = ARGV[5], userAgent = ARGV[4], count = 1 }
  redis.call('HDEL', KEYS[3], ARGV[2])
end
redis.call('HSET', KEYS[2], ARGV[2], cjson.encode(v))
return 1
`;

/** The part of DISCONNECT and DROP_PROCESS that takes one socket of `visitorId` away; true when it was the last. */
const LEAVE = `
local function leave(visitorId)
  local raw = redis.call('HGET', KEYS[2], visitorId)
  if not raw then return false end
  local v = cjson.decode(raw)
  v.count = v.count - 1
  if v.count <= 0 then
    redis.call('HDEL', KEYS[2], visitorId)
    redis.call('HDEL', KEYS[3], visitorId)
    return true
  end
  redis.call('HSET', KEYS[2], visitorId, cjson.encode(v))
  return false
end
`;

/** KEYS: process sockets, visitors, pages; ARGV: socket. 1 when it was the visitor's last socket. */
const DISCONNECT = `${LEAVE}
local visitorId = redis.call('HGET', KEYS[1], ARGV[1])
if not visitorId then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if leave(visitorId) then return 1 end
return 0
`;

/** KEYS: process sockets, visitors, pages, alive key; ARGV: '1' to do nothing while alive. Returns visitors who left. */
const DROP_PROCESS = `${LEAVE}
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[4]) == 1 then return {} end
local entries = redis.call('HGETALL', KEYS[1])
local gone = {}
for i = 1, #entries, 2 do
  if leave(entries[i + 1]) then table.insert(gone, entries[i + 1]) end
end
redis.call('DEL', KEYS[1])
return gone
`;

/** KEYS: visitors, pages; ARGV: visitor, page JSON. 1 when the visitor is present. */
const VIEWED = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`;

interface StoredVisitor {
  visitorId: string;
  siteId: string;
  since: string;
  userAgent: string;
}

export class RedisVisitorPresence implements VisitorPresence, LeaseParticipant {
  readonly #redis: RedisClient;
  readonly #lease: ProcessLease;
  readonly #visitorsKey: string;
  readonly #pagesKey: string;
  readonly #mine = new Map<string, VisitorConnection>();
  /** Sockets whose arrival or departure may not have reached Redis. */
  readonly #unwritten = new Set<string>();
  readonly #lostListeners: Array<(visitorIds: string[]) => void> = [];

  constructor(redis: RedisClient, lease: ProcessLease) {
    this.#redis = redis;
    this.#lease = lease;
    this.#visitorsKey = `${lease.keyPrefix}visitors`;
    this.#pagesKey = `${lease.keyPrefix}visitor-pages`;
    lease.join(this);
  }

  /** The hash of one process's sockets and whose they are. */
  #socketsKey(processId: string): string {
    return `${this.#lease.keyPrefix}visitor-sockets:${processId}`;
  }

  async connect(connection: VisitorConnection): Promise<void> {
    this.#mine.set(connection.socketId, connection);
    await this.#write(connection.socketId);
  }

  async disconnect(socketId: string): Promise<boolean> {
    if (!this.#mine.delete(socketId)) return false;
    return (await this.#write(socketId)) === 1;
  }

  async viewed(visitorId: string, page: { url: string; title: string }): Promise<boolean> {
    return (
      Number(
        await evalScript(this.#redis, VIEWED, [this.#visitorsKey, this.#pagesKey], [visitorId, JSON.stringify(page)]),
      ) === 1
    );
  }

  async find(visitorId: string): Promise<PresentVisitor | undefined> {
    const [raw, page] = await Promise.all([
      this.#redis.hGet(this.#visitorsKey, visitorId),
      this.#redis.hGet(this.#pagesKey, visitorId),
    ]);
    return raw ? toPresent(raw, page ?? undefined) : undefined;
  }

  async list(): Promise<PresentVisitor[]> {
    const [visitors, pages] = await Promise.all([
      this.#redis.hGetAll(this.#visitorsKey),
      this.#redis.hGetAll(this.#pagesKey),
    ]);
    return Object.entries(visitors).map(([id, raw]) => toPresent(raw, pages[id]));
  }

  onLost(listener: (visitorIds: string[]) => void): void {
    this.#lostListeners.push(listener);
  }

  async reap(processId: string, options: { onlyIfDead: boolean }): Promise<void> {
    const keys = [this.#socketsKey(processId), this.#visitorsKey, this.#pagesKey, this.#lease.aliveKey(processId)];
    const gone = toStrings(await evalScript(this.#redis, DROP_PROCESS, keys, [options.onlyIfDead ? '1' : '0']));
    if (gone.length > 0 && processId !== this.#lease.id) for (const listener of this.#lostListeners) listener(gone);
  }

  async restore(force: boolean): Promise<void> {
    const sockets = force
      ? new Set([...this.#mine.keys(), ...(await this.#redis.hKeys(this.#socketsKey(this.#lease.id)))])
      : new Set(this.#unwritten);
    for (const socketId of sockets) await this.#write(socketId);
  }

  /** Writes whether the socket is here now (the scripts are idempotent); the script's answer, or 0 when Redis is away. */
  async #write(socketId: string): Promise<number> {
    const keys = [this.#socketsKey(this.#lease.id), this.#visitorsKey, this.#pagesKey];
    const connection = this.#mine.get(socketId);
    try {
      const reply = connection
        ? await evalScript(this.#redis, CONNECT, keys, [
            socketId,
            connection.visitorId,
            connection.siteId,
            connection.userAgent ?? '',
            connection.at,
          ])
        : await evalScript(this.#redis, DISCONNECT, keys, [socketId]);
      this.#unwritten.delete(socketId);
      return Number(reply);
    } catch {
      this.#unwritten.add(socketId);
      return 0;
    }
  }
}

function toPresent(raw: string, page: string | undefined): PresentVisitor {
  const stored = JSON.parse(raw) as StoredVisitor;
  return {
    visitorId: stored.visitorId,
    siteId: stored.siteId,
    since: stored.since,
    userAgent: stored.userAgent === '' ? undefined : stored.userAgent,
    page: page ? (JSON.parse(page) as { url: string; title: string }) : null,
  };
}
