/**
 * @module The agent presence contract: one suite every AgentPresence must pass, run per
 * implementation (presence-contract.test.ts). The factory returns the presence of one process and
 * what cleans it up.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AgentPresence } from '../../src/scale/agent-presence.ts';

export type PresenceFactory<P> = () => Promise<[P, () => Promise<void>]>;

export function agentPresenceContract(create: PresenceFactory<AgentPresence>): void {
  let presence: AgentPresence;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    [presence, cleanup] = await create();
  });
  afterEach(async () => {
    await cleanup();
  });

  it('has an agent online from their first connection to their last, listed once', async () => {
    expect(await presence.online()).toEqual([]);
    expect(await presence.connect('agt_ann')).toBe(true);
    expect(await presence.connect('agt_ann')).toBe(false);
    expect(await presence.online()).toEqual(['agt_ann']);
    expect(await presence.disconnect('agt_ann')).toBe(false);
    expect(await presence.online()).toEqual(['agt_ann']);
    expect(await presence.disconnect('agt_ann')).toBe(true);
    expect(await presence.online()).toEqual([]);
  });

  it('counts each agent apart', async () => {
    await presence.connect('agt_ann');
    await presence.connect('agt_bob');
    expect((await presence.online()).sort()).toEqual(['agt_ann', 'agt_bob']);
    expect(await presence.disconnect('agt_ann')).toBe(true);
    expect(await presence.online()).toEqual(['agt_bob']);
  });

  it('changes nothing for a disconnect without a connection: the next connect still brings the agent online', async () => {
    expect(await presence.disconnect('agt_ghost')).toBe(false);
    expect(await presence.online()).toEqual([]);
    expect(await presence.connect('agt_ghost')).toBe(true);
    expect(await presence.online()).toEqual(['agt_ghost']);
  });

  it('says whether reachability differs from what was last announced', async () => {
    expect(await presence.announce(true)).toBe(true);
    expect(await presence.announce(true)).toBe(false);
    expect(await presence.announce(false)).toBe(true);
    expect(await presence.announce(false)).toBe(false);
    expect(await presence.announce(true)).toBe(true);
  });

  it('remembers since when an agent has been away until they connect again', async () => {
    const t1 = '2026-01-01T09:00:00.000Z';
    const t2 = '2026-01-01T09:05:00.000Z';
    const t3 = '2026-01-01T09:10:00.000Z';
    expect(await presence.absentSince(['agt_ann', 'agt_bob'], t1)).toEqual(
      new Map([
        ['agt_ann', t1],
        ['agt_bob', t1],
      ]),
    );
    expect(await presence.absentSince(['agt_ann'], t2)).toEqual(new Map([['agt_ann', t1]]));
    // back for a moment: the absence that follows starts again
    await presence.connect('agt_ann');
    await presence.disconnect('agt_ann');
    expect(await presence.absentSince(['agt_ann', 'agt_bob'], t3)).toEqual(
      new Map([
        ['agt_ann', t3],
        ['agt_bob', t1],
      ]),
    );
    expect(await presence.absentSince([], t3)).toEqual(new Map());
  });
}
