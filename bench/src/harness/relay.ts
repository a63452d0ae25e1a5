/**
 * @module Starts the bare Socket.IO relay baseline (baseline/relay-server.ts) as a process under
 * measurement, alone or joined to others through Redis.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServerProcess, type ServerProcess } from './server-process.ts';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function startRelay(options: {
  name: string;
  redisUrl?: string;
  pubsub?: 'classic' | 'sharded';
}): Promise<ServerProcess> {
  return spawnServerProcess({
    name: options.name,
    args: ['src/baseline/relay-server.ts'],
    nodeFlags: ['--import', 'tsx'],
    cwd: benchDir,
    env: {
      PORT: '0',
      NODE_ENV: 'production',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...(options.pubsub ? { REDIS_PUBSUB: options.pubsub } : {}),
    },
    ready: /relay listening on (http:\/\/\S+)/,
  });
}
