/**
 * @module Runs a Lua script in Redis (atomic: nothing else runs meanwhile). EVALSHA first, the
 * script text only when Redis does not know it yet (after a restart).
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-connection.ts';

const shas = new Map<string, string>();

export async function evalScript(redis: RedisClient, script: string, keys: string[], args: string[]): Promise<unknown> {
  let sha = shas.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  const tail = [String(keys.length), ...keys, ...args];
  try {
    return await redis.sendCommand(['EVALSHA', sha, ...tail]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.sendCommand(['EVAL', script, ...tail]);
  }
}

/** A script's array reply as strings (Redis answers nil entries and numbers too). */
export function toStrings(reply: unknown): string[] {
  return Array.isArray(reply) ? reply.map(String) : [];
}
