/**
 * The presence contract against every implementation: in memory always, Redis when one is available
 * (always in CI), the way the store contract runs on SQLite and PostgreSQL. Each factory returns the
 * presence and what cleans it up (socket.io-redis-adapter's test-runner.ts does the same per client).
 */
import { describe } from 'vitest';
import { LocalAgentPresence } from '../src/scale/agent-presence.ts';
import { LocalVisitorPresence } from '../src/scale/visitor-presence.ts';
import { agentPresenceContract } from './support/agent-presence-contract.ts';
import { visitorPresenceContract } from './support/visitor-presence-contract.ts';
import { sharedPresenceContract } from './support/shared-presence-contract.ts';
import { redisPresenceNetwork, type PresenceProcess } from './support/redis-presence.ts';
import { redisTestUrl } from './support/redis.ts';

const nothingToClean = async () => undefined;

describe('agent presence contract: in memory', () => {
  agentPresenceContract(async () => [new LocalAgentPresence(), nothingToClean]);
});

describe('visitor presence contract: in memory', () => {
  visitorPresenceContract(async () => [new LocalVisitorPresence(), nothingToClean]);
});

describe.runIf(redisTestUrl)('redis', () => {
  const url = redisTestUrl ?? '';
  /** One process of a network of its own, and the network's cleanup. */
  const oneProcess = async <P>(pick: (process: PresenceProcess) => P): Promise<[P, () => Promise<void>]> => {
    const network = await redisPresenceNetwork(url);
    return [pick(await network.join()), () => network.close()];
  };

  describe('agent presence contract: redis', () => {
    agentPresenceContract(() => oneProcess((process) => process.agents));
  });
  describe('visitor presence contract: redis', () => {
    visitorPresenceContract(() => oneProcess((process) => process.visitors));
  });
  describe('presence shared by processes: redis', () => {
    sharedPresenceContract(() => redisPresenceNetwork(url));
  });
});
