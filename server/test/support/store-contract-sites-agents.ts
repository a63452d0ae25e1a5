/**
 * @module The storage contract of sites, agents, their sessions and status, and canned responses:
 * what admins and sign-in store. A part of store-contract.ts's per-engine suite.
 */
import { expect, it } from 'vitest';
import { ParleyError } from '../../src/errors.ts';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';

export function siteAndAgentStoreContract(fixture: StoreFixture): void {
  let store: Store;
  let siteId: string;
  fixture.onEach((opened) => ({ store, siteId } = opened));
  const { now, agent, conversation } = fixture;

  it('answers ping', async () => {
    await store.ping();
  });

  it('stores sites and finds them by key and as the demo', async () => {
    const demo = await store.sites.findDemo();
    expect(demo).toMatchObject({
      id: siteId,
      position: 'left',
      isDemo: true,
      allowedOrigins: ['https://shop.example'],
    });
    await store.sites.setAllowedOrigins(siteId, ['https://a.example', 'https://b.example']);
    expect((await store.sites.findByKey(demo?.siteKey ?? ''))?.allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(await store.sites.findByKey('pk_missing')).toBeUndefined();
  });

  it('stores agents with case-insensitive emails', async () => {
    const ann = await agent('ann');
    expect(await store.agents.count()).toBe(1);
    expect((await store.agents.findByEmail('ANN@example.COM'))?.id).toBe(ann.id);
    expect((await store.agents.findById(ann.id))?.active).toBe(true);
  });

  it('keeps sessions until deleted', async () => {
    const ann = await agent('ann');
    await store.sessions.create('hash-1', ann.id, '2030-01-01T00:00:00.000Z');
    expect(await store.sessions.find('hash-1')).toEqual({ agentId: ann.id, expiresAt: '2030-01-01T00:00:00.000Z' });
    await store.sessions.delete('hash-1');
    expect(await store.sessions.find('hash-1')).toBeUndefined();
  });

  it('keeps each site’s identity secret and widget settings, changing only what is given', async () => {
    const site = await store.sites.findById(siteId);
    expect(site).toMatchObject({
      identitySecret: 'ab'.repeat(32),
      identityVerificationRequired: false,
      locale: null,
      preChat: { enabled: false, fields: [] },
    });
    const preChat = { enabled: true, fields: [{ field: 'email' as const, required: true }] };
    await store.sites.updateSettings(siteId, { identityVerificationRequired: true, preChat });
    await store.sites.updateSettings(siteId, { locale: 'de' });
    expect(await store.sites.findById(siteId)).toMatchObject({
      identityVerificationRequired: true,
      locale: 'de',
      preChat,
    });
    expect(await store.sites.findById('site_missing')).toBeUndefined();
  });

  it('lists up to n active agents as the team, without emails', async () => {
    for (const name of ['ann', 'bob', 'cy']) await agent(name);
    expect(await store.agents.team(2)).toEqual([
      { name: 'ann', avatarUrl: null },
      { name: 'bob', avatarUrl: null },
    ]);
  });

  it('lists and updates agents, refusing an email another agent has', async () => {
    const ann = await agent('ann');
    const bob = await agent('bob');
    expect((await store.agents.list()).map((a) => a.name)).toEqual(['ann', 'bob']);
    expect((await store.agents.list())[0]).toMatchObject({ id: ann.id, active: true, createdAt: ann.createdAt });
    const changed = await store.agents.update(ann.id, {
      name: 'Ann B.',
      role: 'admin',
      capacity: 7,
      email: 'ANN.B@example.com',
    });
    expect(changed).toMatchObject({
      name: 'Ann B.',
      role: 'admin',
      capacity: 7,
      email: 'ann.b@example.com',
      active: true,
    });
    expect(await store.agents.update(ann.id, {})).toEqual(changed);
    await expect(store.agents.update(bob.id, { email: 'ann.b@example.com' })).rejects.toSatisfy(
      (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
    );
    await expect(
      store.agents.create({
        id: newId('agt'),
        email: 'BOB@example.com',
        name: 'x',
        role: 'agent',
        capacity: 1,
        passwordHash: 'h',
        createdAt: now(),
      }),
    ).rejects.toSatisfy((e: unknown) => e instanceof ParleyError && e.code === 'conflict');
    expect(await store.agents.update(bob.id, { active: false, passwordHash: 'scrypt$new' })).toMatchObject({
      active: false,
      passwordHash: 'scrypt$new',
    });
    expect((await store.agents.team(10)).map((m) => m.name)).not.toContain('bob');
    expect(await store.agents.update('agt_missing', { name: 'x' })).toBeUndefined();
  });

  it('ends every session of one agent at once', async () => {
    const ann = await agent('ann');
    const bob = await agent('bob');
    await store.sessions.create('ann-1', ann.id, '2030-01-01T00:00:00.000Z');
    await store.sessions.create('ann-2', ann.id, '2030-01-01T00:00:00.000Z');
    await store.sessions.create('bob-1', bob.id, '2030-01-01T00:00:00.000Z');
    await store.sessions.deleteForAgent(ann.id);
    expect(await store.sessions.find('ann-1')).toBeUndefined();
    expect(await store.sessions.find('ann-2')).toBeUndefined();
    expect(await store.sessions.find('bob-1')).toBeDefined();
  });

  it('lists sites and changes every admin setting, only the ones given', async () => {
    const other = await store.sites.create({
      id: newId('site'),
      name: 'Other',
      siteKey: newId('pk'),
      allowedOrigins: ['https://other.example'],
      color: '#111111',
      greeting: '',
      position: 'right',
      isDemo: false,
      createdAt: now(),
      identitySecret: 'cd'.repeat(32),
    });
    expect((await store.sites.list()).map((site) => site.id)).toEqual([siteId, other.id]);
    expect(other.businessHours).toEqual({ enabled: false, timeZone: 'UTC', days: [] });
    const businessHours = {
      enabled: true,
      timeZone: 'Europe/Berlin',
      days: [{ day: 'mon' as const, open: '09:00', close: '17:30' }],
    };
    await store.sites.updateSettings(other.id, {
      name: 'Other shop',
      allowedOrigins: ['https://other.example', 'http://localhost:8080'],
      color: '#ff8800',
      position: 'left',
      theme: 'dark',
      greeting: 'Moin',
      identitySecret: 'ef'.repeat(32),
      businessHours,
    });
    expect(await store.sites.findById(other.id)).toMatchObject({
      name: 'Other shop',
      allowedOrigins: ['https://other.example', 'http://localhost:8080'],
      color: '#ff8800',
      position: 'left',
      theme: 'dark',
      greeting: 'Moin',
      identitySecret: 'ef'.repeat(32),
      businessHours,
      locale: null,
    });
    expect((await store.sites.findById(siteId))?.name).toBe('Shop');
  });

  it('keeps shared and personal canned responses apart, one shortcut per owner', async () => {
    const ann = await agent('ann');
    const bob = await agent('bob');
    const create = (ownerId: string | null, shortcut: string, body = `${shortcut} body`) =>
      store.cannedResponses.create({ id: newId('cnd'), ownerId, shortcut, body, now: now() });
    const thanks = await create(null, 'thanks');
    const annThanks = await create(ann.id, 'thanks', 'Thanks from Ann');
    await create(ann.id, 'bye');
    await create(bob.id, 'hello');
    await create(null, 'hours');
    expect(thanks).toMatchObject({ scope: 'shared', ownerId: null, shortcut: 'thanks' });
    expect(annThanks).toMatchObject({ scope: 'personal', ownerId: ann.id });
    expect((await store.cannedResponses.listFor(ann.id)).map((r) => `${r.scope}:${r.shortcut}`)).toEqual([
      'shared:hours',
      'shared:thanks',
      'personal:bye',
      'personal:thanks',
    ]);
    for (const [owner, shortcut] of [
      [null, 'thanks'],
      [ann.id, 'bye'],
    ] as const) {
      await expect(create(owner, shortcut)).rejects.toSatisfy(
        (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
      );
    }
    await expect(
      store.cannedResponses.update(annThanks.id, { shortcut: 'bye', body: 'x', now: now() }),
    ).rejects.toSatisfy((e: unknown) => e instanceof ParleyError && e.code === 'conflict');
    const edited = await store.cannedResponses.update(annThanks.id, { shortcut: 'ty', body: 'Ty!', now: now() });
    expect(edited).toMatchObject({ shortcut: 'ty', body: 'Ty!', createdAt: annThanks.createdAt });
    expect(edited?.updatedAt).not.toBe(annThanks.updatedAt);
    expect(await store.cannedResponses.findById(annThanks.id)).toEqual(edited);
    expect(await store.cannedResponses.delete(annThanks.id)).toBe(true);
    expect(await store.cannedResponses.delete(annThanks.id)).toBe(false);
    expect(await store.cannedResponses.update(annThanks.id, { shortcut: 'z', body: 'z', now: now() })).toBeUndefined();
    expect((await store.cannedResponses.listFor(bob.id)).map((r) => r.shortcut)).toEqual(['hours', 'thanks', 'hello']);
  });

  it('keeps each agent’s chosen status, online by default, and reports it with their load', async () => {
    const ann = await agent('ann', 2);
    const bob = await agent('bob', 1);
    expect((await store.agents.findById(ann.id))?.status).toBe('online');
    // bob takes a chat while online, then steps away from the console: he keeps it
    const c = await conversation();
    await store.conversations.assign(c.id, bob.id, now());
    await store.agents.setStatus(ann.id, 'away');
    await store.agents.setStatus(bob.id, 'offline');
    expect((await store.agents.findById(ann.id))?.status).toBe('away');
    const candidates = await store.agents.routingCandidates([ann.id, bob.id]);
    expect(candidates.find((x) => x.id === ann.id)).toMatchObject({
      name: 'ann',
      status: 'away',
      activeCount: 0,
      capacity: 2,
    });
    expect(candidates.find((x) => x.id === bob.id)).toMatchObject({
      name: 'bob',
      status: 'offline',
      activeCount: 1,
      capacity: 1,
    });
    expect((await store.agents.listLoads()).map((x) => [x.name, x.status, x.activeCount])).toEqual([
      ['ann', 'away', 0],
      ['bob', 'offline', 1],
    ]);
  });

  it('keeps a site’s routing mode, automatic by default', async () => {
    expect((await store.sites.findById(siteId))?.routingMode).toBe('automatic');
    await store.sites.updateSettings(siteId, { routingMode: 'manual' });
    expect((await store.sites.findById(siteId))?.routingMode).toBe('manual');
    await store.sites.updateSettings(siteId, { locale: 'fr' });
    expect((await store.sites.findById(siteId))?.routingMode).toBe('manual');
  });

  it('keeps a site’s own maximum queue wait (null until set) and a visitor’s time zone', async () => {
    expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBeNull();
    await store.sites.updateSettings(siteId, { queueMaxWaitSeconds: 90 });
    expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBe(90);
    await store.sites.updateSettings(siteId, { queueMaxWaitSeconds: null });
    expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBeNull();
    const visitorId = newId('vis');
    expect((await store.visitors.updateProfile(visitorId, siteId, {}, now())).timeZone).toBeNull();
    await store.visitors.updateProfile(visitorId, siteId, { timeZone: 'Asia/Tokyo' }, now());
    expect((await store.visitors.findById(visitorId))?.timeZone).toBe('Asia/Tokyo');
  });
}
