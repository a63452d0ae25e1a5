/**
 * @module What presence shared by several processes promises beyond one process's contract: counts
 * added up across processes, "came online" and "left" seen once, a dead process's connections taken
 * offline once its lease runs out (and heard by the others), a graceful leave taking them offline at
 * once, and a process writing its connections back when the shared state was lost.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PresenceNetwork } from './redis-presence.ts';
import { tab } from './visitor-presence-contract.ts';

export function sharedPresenceContract(create: () => Promise<PresenceNetwork>): void {
  let network: PresenceNetwork;
  beforeEach(async () => {
    network = await create();
  });
  afterEach(async () => {
    await network.close();
  });

  it("adds up an agent's connections on every process: online with the first, offline with the last", async () => {
    const [a, b] = [await network.join(), await network.join()];
    expect(await a.agents.connect('agt_ann')).toBe(true);
    expect(await b.agents.connect('agt_ann')).toBe(false);
    expect(await a.agents.disconnect('agt_ann')).toBe(false);
    expect(await b.agents.online()).toEqual(['agt_ann']);
    expect(await b.agents.disconnect('agt_ann')).toBe(true);
    expect(await a.agents.online()).toEqual([]);
  });

  it('tells one process only that reachability changed', async () => {
    const [a, b] = [await network.join(), await network.join()];
    expect(await a.agents.announce(true)).toBe(true);
    expect(await b.agents.announce(true)).toBe(false);
    expect(await b.agents.announce(false)).toBe(true);
    expect(await a.agents.announce(false)).toBe(false);
  });

  it("keeps a visitor with tabs on two processes one entry, with each process's page, until the last tab closes", async () => {
    const [a, b] = [await network.join(), await network.join()];
    await a.visitors.connect(tab('sock_a', 'vis_ada'));
    await b.visitors.connect(tab('sock_b', 'vis_ada'));
    const pricing = { url: 'https://shop.example/pricing', title: 'Pricing' };
    expect(await a.visitors.viewed('vis_ada', pricing)).toBe(true);
    expect(await b.visitors.list()).toMatchObject([{ visitorId: 'vis_ada', page: pricing }]);
    // a process cannot close another's socket
    expect(await a.visitors.disconnect('sock_b')).toBe(false);
    expect(await a.visitors.disconnect('sock_a')).toBe(false);
    expect(await b.visitors.disconnect('sock_b')).toBe(true);
    expect(await a.visitors.list()).toEqual([]);
  });

  it("takes a dead process's agents and visitors offline once its lease runs out, and the others hear it", async () => {
    const dying = await network.join({ ttlSeconds: 1 });
    const survivor = await network.join({ ttlSeconds: 1 });
    const lostAgents = new Promise<string[]>((resolve) => survivor.agents.onLost(resolve));
    const lostVisitors = new Promise<string[]>((resolve) => survivor.visitors.onLost(resolve));
    await dying.start();
    await survivor.start();
    await dying.agents.connect('agt_ann');
    await dying.agents.connect('agt_bob');
    await survivor.agents.connect('agt_cy');
    await dying.visitors.connect(tab('sock_a', 'vis_ada'));
    await survivor.visitors.connect(tab('sock_b', 'vis_bo'));
    dying.crash();
    // the survivor's renewals (every third of a second) find the lease gone after its second
    expect((await lostAgents).sort()).toEqual(['agt_ann', 'agt_bob']);
    expect(await lostVisitors).toEqual(['vis_ada']);
    expect(await survivor.agents.online()).toEqual(['agt_cy']);
    expect((await survivor.visitors.list()).map((v) => v.visitorId)).toEqual(['vis_bo']);
  });

  it("takes a leaving process's connections offline at once", async () => {
    const [leaving, staying] = [await network.join(), await network.join()];
    await leaving.start();
    await leaving.agents.connect('agt_ann');
    await leaving.visitors.connect(tab('sock_a', 'vis_ada'));
    expect(await staying.agents.online()).toEqual(['agt_ann']);
    await leaving.leave();
    expect(await staying.agents.online()).toEqual([]);
    expect(await staying.visitors.list()).toEqual([]);
  });

  it('writes its connections back on the next renewal when the shared state was lost', async () => {
    const [a, b] = [await network.join(), await network.join()];
    await a.renew();
    await a.agents.connect('agt_ann');
    await a.visitors.connect(tab('sock_a', 'vis_ada'));
    await network.forget();
    expect(await b.agents.online()).toEqual([]);
    await a.renew();
    expect(await b.agents.online()).toEqual(['agt_ann']);
    expect(await b.visitors.find('vis_ada')).toMatchObject({ visitorId: 'vis_ada', siteId: 'site_shop' });
  });
}
