/**
 * @module The visitor presence contract: one suite every VisitorPresence must pass, run per
 * implementation (presence-contract.test.ts). One entry per visitor however many tabs they have open.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { VisitorConnection, VisitorPresence } from '../../src/scale/visitor-presence.ts';
import type { PresenceFactory } from './agent-presence-contract.ts';

const T1 = '2026-01-01T09:00:00.000Z';
const T2 = '2026-01-01T09:01:00.000Z';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari/604.1';

export const tab = (
  socketId: string,
  visitorId: string,
  extra: Partial<VisitorConnection> = {},
): VisitorConnection => ({
  socketId,
  visitorId,
  siteId: 'site_shop',
  userAgent: FIREFOX,
  at: T1,
  ...extra,
});

export function visitorPresenceContract(create: PresenceFactory<VisitorPresence>): void {
  let presence: VisitorPresence;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    [presence, cleanup] = await create();
  });
  afterEach(async () => {
    await cleanup();
  });

  it('lists a visitor from their first tab to their last as one entry, since the first, with the latest browser', async () => {
    expect(await presence.list()).toEqual([]);
    await presence.connect(tab('sock_1', 'vis_ada'));
    await presence.connect(tab('sock_2', 'vis_ada', { userAgent: SAFARI, at: T2 }));
    const ada = { visitorId: 'vis_ada', siteId: 'site_shop', since: T1, userAgent: SAFARI, page: null };
    expect(await presence.list()).toEqual([ada]);
    expect(await presence.find('vis_ada')).toEqual(ada);
    expect(await presence.disconnect('sock_1')).toBe(false);
    expect(await presence.find('vis_ada')).toEqual(ada);
    expect(await presence.disconnect('sock_2')).toBe(true);
    expect(await presence.find('vis_ada')).toBeUndefined();
    expect(await presence.list()).toEqual([]);
  });

  it('counts a socket connected twice once, and a socket it never saw not at all', async () => {
    await presence.connect(tab('sock_1', 'vis_ada'));
    await presence.connect(tab('sock_1', 'vis_ada'));
    expect(await presence.disconnect('sock_unknown')).toBe(false);
    expect(await presence.disconnect('sock_1')).toBe(true);
    expect(await presence.disconnect('sock_1')).toBe(false);
    expect(await presence.list()).toEqual([]);
  });

  it('lists the visitors of every site, each with its own site', async () => {
    await presence.connect(tab('sock_1', 'vis_ada'));
    await presence.connect(tab('sock_2', 'vis_bo', { siteId: 'site_blog', userAgent: undefined }));
    const listed = (await presence.list()).sort((a, b) => a.visitorId.localeCompare(b.visitorId));
    expect(listed).toEqual([
      { visitorId: 'vis_ada', siteId: 'site_shop', since: T1, userAgent: FIREFOX, page: null },
      // a browser that sent no User-Agent stays unknown, not an empty string
      { visitorId: 'vis_bo', siteId: 'site_blog', since: T1, userAgent: undefined, page: null },
    ]);
  });

  it('records the page a connected visitor is on, and forgets it when they leave', async () => {
    const pricing = { url: 'https://shop.example/pricing', title: 'Pricing' };
    expect(await presence.viewed('vis_ada', pricing)).toBe(false);
    await presence.connect(tab('sock_1', 'vis_ada'));
    await presence.connect(tab('sock_2', 'vis_ada'));
    expect(await presence.viewed('vis_ada', pricing)).toBe(true);
    expect((await presence.find('vis_ada'))?.page).toEqual(pricing);
    expect((await presence.list())[0]?.page).toEqual(pricing);
    await presence.disconnect('sock_1');
    await presence.disconnect('sock_2');
    await presence.connect(tab('sock_3', 'vis_ada', { at: T2 }));
    expect(await presence.find('vis_ada')).toMatchObject({ since: T2, page: null });
  });
}
