/**
 * API tokens (issue 21) on every engine: the plain token is returned once and only its hash is kept,
 * a revoked or unknown token signs nothing in, site limits name existing sites, the last use is
 * recorded at most once a minute, and an Idempotency-Key is claimed by exactly one request.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiTokens, hashApiToken } from '../src/domain/api-tokens.ts';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import type { Store } from '../src/store/store.ts';
import { makeDataDir } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl } from './support/postgres.ts';
import { siteFixture } from './support/site-fixture.ts';

type Open = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

function tokenContract(engine: string, open: Open): void {
  describe(`api tokens: ${engine}`, () => {
    it('returns the plain token once, keeps its hash, and stops it when revoked', async () => {
      const { store, dispose } = await open();
      try {
        let clock = Date.UTC(2026, 0, 1);
        const tokens = new ApiTokens({ store, now: () => new Date(clock) });
        const { token, record } = await tokens.create({
          name: ' CRM sync ',
          scopes: ['read', 'write', 'read'],
          siteIds: null,
          createdBy: null,
        });
        expect(token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
        expect(record).toMatchObject({ name: 'CRM sync', scopes: ['read', 'write'], siteIds: null, lastUsedAt: null });
        expect(token.startsWith(record.prefix)).toBe(true);
        expect(await store.apiTokens.findByHash(hashApiToken(token))).toEqual(record);
        expect(JSON.stringify(await tokens.list())).not.toContain(token);

        expect((await tokens.authenticate(token))?.id).toBe(record.id);
        expect((await store.apiTokens.findById(record.id))?.lastUsedAt).toBe(new Date(clock).toISOString());
        clock += 30_000;
        await tokens.authenticate(token);
        // within the minute: not written again
        expect((await store.apiTokens.findById(record.id))?.lastUsedAt).toBe(new Date(clock - 30_000).toISOString());
        clock += 60_000;
        await tokens.authenticate(token);
        expect((await store.apiTokens.findById(record.id))?.lastUsedAt).toBe(new Date(clock).toISOString());

        expect(await tokens.authenticate(`${token}x`)).toBeUndefined();
        expect(await tokens.authenticate('not-a-token')).toBeUndefined();
        const revoked = await tokens.revoke(record.id);
        expect(revoked.revokedAt).not.toBeNull();
        expect(await tokens.authenticate(token)).toBeUndefined();
        clock += 1000;
        expect((await tokens.revoke(record.id)).revokedAt).toBe(revoked.revokedAt);
        await expect(tokens.revoke('tok_missing')).rejects.toMatchObject({ code: 'not_found' });
      } finally {
        await dispose();
      }
    });

    it('limits a token to sites that exist', async () => {
      const { store, dispose } = await open();
      try {
        const now = new Date().toISOString();
        await store.sites.create(
          siteFixture(now, { id: 'site_a', name: 'A', greeting: '', position: 'right', isDemo: false }),
        );
        const tokens = new ApiTokens({ store, now: () => new Date() });
        const { record } = await tokens.create({
          name: 'A only',
          scopes: ['read'],
          siteIds: ['site_a'],
          createdBy: null,
        });
        expect((await store.apiTokens.findById(record.id))?.siteIds).toEqual(['site_a']);
        await expect(
          tokens.create({ name: 'ghost', scopes: ['read'], siteIds: ['site_ghost'], createdBy: null }),
        ).rejects.toMatchObject({ code: 'not_found' });
      } finally {
        await dispose();
      }
    });

    it('lists conversations newest first by filter, a keyset page at a time', async () => {
      const { store, dispose } = await open();
      try {
        const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
        for (const id of ['site_a', 'site_b']) {
          await store.sites.create(
            siteFixture(at(0), { id, name: id, greeting: '', position: 'right', isDemo: false }),
          );
        }
        // two share a creation time: the id orders them
        const plan: Array<[string, string, number]> = [
          ['conv_1', 'site_a', 1],
          ['conv_2', 'site_a', 2],
          ['conv_3', 'site_b', 2],
          ['conv_4', 'site_a', 3],
        ];
        for (const [id, siteId, second] of plan) {
          const visitorId = `vis_${id}`;
          await store.visitors.ensure(visitorId, siteId, at(second));
          await store.conversations.create({ id, siteId, visitorId, now: at(second) });
        }
        const ids = async (filter: Partial<Parameters<Store['conversationList']['list']>[0]>) =>
          (await store.conversationList.list({ siteIds: null, limit: 10, ...filter })).map((c) => c.id);
        expect(await ids({})).toEqual(['conv_4', 'conv_3', 'conv_2', 'conv_1']);
        expect(await ids({ siteIds: ['site_a'] })).toEqual(['conv_4', 'conv_2', 'conv_1']);
        expect(await ids({ siteIds: [] })).toEqual([]);
        expect(await ids({ before: { createdAt: at(2), id: 'conv_3' } })).toEqual(['conv_2', 'conv_1']);
        expect(await ids({ limit: 2, status: 'queued', visitorId: 'vis_conv_2' })).toEqual(['conv_2']);
      } finally {
        await dispose();
      }
    });

    it('lets exactly one of several racing requests claim an Idempotency-Key', async () => {
      const { store, dispose } = await open();
      try {
        const { record } = await new ApiTokens({ store, now: () => new Date() }).create({
          name: 'x',
          scopes: ['write'],
          siteIds: null,
          createdBy: null,
        });
        const now = new Date().toISOString();
        const claims = await Promise.all(
          Array.from({ length: 8 }, () => store.idempotency.claim(record.id, 'key-1', 'h', now)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.idempotency.find(record.id, 'key-1')).toEqual({ requestHash: 'h', answer: undefined });
        await store.idempotency.complete(record.id, 'key-1', { status: 201, body: '{"ok":1}' });
        expect(await store.idempotency.find(record.id, 'key-1')).toEqual({
          requestHash: 'h',
          answer: { status: 201, body: '{"ok":1}' },
        });
        // a completed answer is not released; a pending one is
        await store.idempotency.release(record.id, 'key-1');
        expect(await store.idempotency.find(record.id, 'key-1')).toBeDefined();
        await store.idempotency.claim(record.id, 'key-2', 'h', now);
        await store.idempotency.release(record.id, 'key-2');
        expect(await store.idempotency.find(record.id, 'key-2')).toBeUndefined();
        expect(await store.idempotency.deleteBefore(new Date(Date.now() + 1000).toISOString())).toBe(1);
      } finally {
        await dispose();
      }
    });
  });
}

tokenContract('sqlite', async () => {
  const store = await openSqlStore({ engine: 'sqlite', file: path.join(makeDataDir(), 'parley.db') });
  return { store, dispose: () => store.close() };
});

describe.runIf(postgresAdminUrl)('postgres', () => {
  tokenContract('postgres', async () => {
    const database = await createTempDatabase(postgresAdminUrl ?? '');
    const store = await openSqlStore({ engine: 'postgres', url: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
});
