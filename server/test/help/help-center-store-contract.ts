/**
 * @module The help center store's contract, run on every engine (help-center-store.test.ts): slugs
 * unique per site and locale, order kept and changed, revisions numbered with what changed,
 * translation groups, deleting a category, and the measured events with their counts and gaps.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { HelpChange } from '../../src/store/help-center-store.ts';
import { siteFixture } from '../support/site-fixture.ts';
import type { OpenStore } from './help-search-contract.ts';

export function helpCenterStoreContract(engine: string, open: OpenStore): void {
  describe(`help center store contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();
    const change = (action: HelpChange['action'] = 'updated', author = 'Ann'): HelpChange => ({
      action,
      authorId: null,
      authorName: author,
      revisionId: newId('hrev'),
      now: now(),
    });
    const site = async () => {
      const id = newId('site');
      await store.sites.create(siteFixture(now(), { id }));
      return id;
    };
    const article = (
      slug: string,
      options: { locale?: string; categoryId?: string | null; group?: string; on?: string } = {},
    ) => {
      const id = newId('hart');
      return store.helpCenter.createArticle(
        options.on ?? siteId,
        {
          id,
          translationGroupId: options.group ?? id,
          values: {
            categoryId: options.categoryId ?? null,
            locale: options.locale ?? 'en',
            slug,
            title: slug,
            summary: '',
            body: `About ${slug}`,
          },
        },
        change('created'),
      );
    };
    const category = (slug: string, locale = 'en', on = siteId) =>
      store.helpCenter.createCategory(on, newId('hcat'), { locale, slug, title: slug, description: '' }, now());

    beforeAll(async () => {
      ({ store, dispose } = await open());
    });
    afterAll(async () => {
      await dispose();
    });
    beforeEach(async () => {
      siteId = await site();
    });

    it('keeps slugs unique per site and locale', async () => {
      await article('refunds');
      await article('refunds', { locale: 'de' });
      await article('refunds', { on: await site() });
      await expect(article('refunds')).rejects.toMatchObject({ code: 'conflict' });
      const other = await article('other');
      await expect(
        store.helpCenter.updateArticle(siteId, other.id, { slug: 'refunds' }, change()),
      ).rejects.toMatchObject({ code: 'conflict' });
      await category('billing');
      await category('billing', 'de');
      await expect(category('billing')).rejects.toMatchObject({ code: 'conflict' });
    });

    it('appends in order, reorders, and uncategorises the articles of a deleted category', async () => {
      const a = await category('a');
      const b = await category('b');
      const c = await category('c');
      await category('a', 'de');
      expect((await store.helpCenter.listCategories(siteId, 'en')).map((x) => `${x.slug}${x.position}`)).toEqual([
        'a0',
        'b1',
        'c2',
      ]);
      await store.helpCenter.reorderCategories(siteId, [c.id, a.id, b.id], now());
      expect((await store.helpCenter.listCategories(siteId, 'en')).map((x) => x.slug)).toEqual(['c', 'a', 'b']);

      const one = await article('one', { categoryId: a.id });
      const two = await article('two', { categoryId: a.id });
      const loose = await article('loose');
      expect([one.position, two.position, loose.position]).toEqual([0, 1, 0]);
      await store.helpCenter.reorderArticles(siteId, [two.id, one.id], now());
      expect((await store.helpCenter.listArticles(siteId, { locale: 'en' })).map((x) => x.slug)).toEqual([
        'loose',
        'two',
        'one',
      ]);

      expect(await store.helpCenter.deleteCategory(siteId, a.id)).toBe(true);
      expect((await store.helpCenter.findArticle(siteId, one.id))?.categoryId).toBeNull();
      expect(await store.helpCenter.deleteCategory(siteId, a.id)).toBe(false);
    });

    it('numbers revisions, names who and what changed, and sets publishedAt once', async () => {
      const created = await article('refunds');
      await store.helpCenter.updateArticle(
        siteId,
        created.id,
        { title: 'Refunds', body: 'New' },
        change('updated', 'Bob'),
      );
      const published = await store.helpCenter.updateArticle(
        siteId,
        created.id,
        { status: 'published' },
        change('published'),
      );
      expect(published?.publishedAt).not.toBeNull();
      const again = await store.helpCenter.updateArticle(siteId, created.id, { summary: 'S' }, change());
      expect(again?.publishedAt).toBe(published?.publishedAt);
      const revisions = await store.helpCenter.revisions(created.id);
      expect(revisions.map((r) => [r.number, r.action, r.authorName, r.changed, r.status])).toEqual([
        [4, 'updated', 'Ann', ['summary'], 'published'],
        [3, 'published', 'Ann', ['status'], 'published'],
        [2, 'updated', 'Bob', ['title', 'body'], 'draft'],
        [1, 'created', 'Ann', [], 'draft'],
      ]);
      expect(revisions[2]).toMatchObject({ title: 'Refunds', body: 'New' });
      expect(await store.helpCenter.updateArticle(siteId, 'hart_missing', { title: 'x' }, change())).toBeUndefined();
      expect(await store.helpCenter.deleteArticle(siteId, created.id)).toBe(true);
      expect(await store.helpCenter.revisions(created.id)).toEqual([]);
    });

    it('groups translations', async () => {
      const en = await article('refunds');
      await article('erstattung', { locale: 'de', group: en.id });
      await article('unrelated', { locale: 'de' });
      expect((await store.helpCenter.translations(siteId, en.id)).map((a) => a.locale)).toEqual(['de', 'en']);
    });

    it('records events, counts them per site and period, lists gaps and orders popular by views', async () => {
      const a = await article('a');
      const b = await article('b');
      for (const x of [a, b]) await store.helpCenter.updateArticle(siteId, x.id, { status: 'published' }, change());
      const other = await site();
      const event = (kind: 'view' | 'search' | 'vote', extra: Record<string, unknown> = {}, on = siteId, at = now()) =>
        store.helpCenter.recordEvent({
          id: newId('hevt'),
          siteId: on,
          kind,
          source: 'widget',
          locale: 'en',
          articleId: null,
          query: null,
          resultCount: null,
          helpful: null,
          at,
          visitorId: null,
          ...extra,
        });
      const from = now();
      await event('view', { articleId: b.id });
      await event('view', { articleId: b.id });
      await event('view', { articleId: a.id });
      await event('search', { query: 'refund', resultCount: 2 });
      await event('search', { query: 'teleport', resultCount: 0 });
      await event('search', { query: 'teleport', resultCount: 0 });
      await event('search', { query: 'warp', resultCount: 0 });
      await event('vote', { articleId: a.id, helpful: true });
      await event('vote', { articleId: a.id, helpful: false });
      await event('search', { query: 'elsewhere', resultCount: 0 }, other);
      const to = now();
      await event('search', { query: 'later', resultCount: 0 });

      expect(await store.helpCenter.eventCounts(siteId, from, to)).toEqual({
        views: 3,
        searches: 4,
        zeroResultSearches: 3,
        helpfulVotes: 1,
        unhelpfulVotes: 1,
      });
      expect(await store.helpCenter.contentGaps(siteId, from, to, 5)).toEqual([
        { query: 'teleport', count: 2 },
        { query: 'warp', count: 1 },
      ]);
      expect((await store.helpCenter.popular(siteId, 'en', 5)).map((x) => x.slug)).toEqual(['b', 'a']);
    });

    // help-console: an article picture is public while a published article of its site shows it
    it('finds text in published bodies of the site only, taking % and _ literally', async () => {
      const a = await article('pictures');
      const path = '/api/help-images/site_x/himg_a_b.png';
      await store.helpCenter.updateArticle(siteId, a.id, { body: `![p](https://h${path})` }, change());
      expect(await store.helpCenter.publishedBodyContains(siteId, path)).toBe(false); // a draft
      await store.helpCenter.updateArticle(siteId, a.id, { status: 'published' }, change());
      expect(await store.helpCenter.publishedBodyContains(siteId, path)).toBe(true);
      expect(await store.helpCenter.publishedBodyContains(siteId, path.replace('a_b', 'aXb'))).toBe(false);
      expect(await store.helpCenter.publishedBodyContains(siteId, '/api/help-images/%')).toBe(false);
      expect(await store.helpCenter.publishedBodyContains(await site(), path)).toBe(false);
    });

    // help-widget: what the agent's visitor panel reads
    it('folds a visitor’s shown, opened and voted articles to one row each, newest first', async () => {
      const a = await article('a');
      const b = await article('b');
      const c = await article('c');
      expect(await store.helpCenter.hasPublished(siteId)).toBe(false);
      for (const x of [a, b, c]) await store.helpCenter.updateArticle(siteId, x.id, { status: 'published' }, change());
      expect(await store.helpCenter.hasPublished(siteId)).toBe(true);
      const event = (
        kind: 'view' | 'vote' | 'shown' | 'search',
        articleId: string | null,
        visitorId: string | null,
        helpful: boolean | null = null,
      ) =>
        store.helpCenter.recordEvent({
          id: newId('hevt'),
          siteId,
          kind,
          source: 'widget',
          locale: 'en',
          articleId,
          query: null,
          resultCount: null,
          helpful,
          at: now(),
          visitorId,
        });
      await event('shown', a.id, 'vis_1');
      await event('shown', b.id, 'vis_1');
      await event('view', a.id, 'vis_1');
      await event('vote', a.id, 'vis_1', false);
      await event('vote', a.id, 'vis_1', true);
      await event('view', c.id, 'vis_2');
      await event('view', b.id, null);
      await event('search', null, 'vis_1');

      const rows = await store.helpCenter.visitorArticles('vis_1', 10);
      expect(rows.map(({ slug, shown, opened, helpful }) => ({ slug, shown, opened, helpful }))).toEqual([
        { slug: 'a', shown: true, opened: true, helpful: true },
        { slug: 'b', shown: true, opened: false, helpful: null },
      ]);
      expect(rows[0]).toMatchObject({ articleId: a.id, siteId, locale: 'en', title: expect.any(String) });
      expect(await store.helpCenter.visitorArticles('vis_1', 1)).toHaveLength(1);
      expect(await store.helpCenter.visitorArticles('vis_none', 10)).toEqual([]);
    });
  });
}
