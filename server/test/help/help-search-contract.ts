/**
 * @module The help search contract, run on every engine (help-search.test.ts): stemming in the
 * widget's five locales, prefix matching on the word being typed, the typo-tolerant fallback, titles
 * ranking above bodies, only published articles of the site and locale, and any query answered.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HelpArticle } from '@parley/shared';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { siteFixture } from '../support/site-fixture.ts';

export type OpenStore = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

const HOSTILE = [
  '',
  ' ',
  '"',
  '""',
  "'",
  '*',
  'refund*',
  '"refund',
  'NEAR(refund policy, 2)',
  'refund AND OR NOT',
  'AND',
  '-refund',
  'refund -policy or "money back"',
  'title:refund',
  '{title}: refund',
  '^refund',
  '(((',
  ')',
  'refund & | ! <-> :*',
  "'; drop table help_articles; --",
  '\u0000refund\u0000',
  '\uD800',
  '🙂 refund 💸',
  '🙂',
  'ﬁ ß İ',
  'r'.repeat(10_000),
  'refund '.repeat(1500),
  '\\',
  '%_%',
];

export function helpSearchContract(engine: string, open: OpenStore): void {
  describe(`help search contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();

    beforeAll(async () => {
      ({ store, dispose } = await open());
    });
    afterAll(async () => {
      await dispose();
    });
    beforeEach(async () => {
      siteId = newId('site');
      await store.sites.create(siteFixture(now(), { id: siteId }));
    });

    const change = () => ({
      action: 'updated' as const,
      authorId: null,
      authorName: null,
      revisionId: newId('hrev'),
      now: now(),
    });
    const article = async (
      locale: string,
      title: string,
      body: string,
      options: { summary?: string; publish?: boolean; site?: string } = {},
    ): Promise<HelpArticle> => {
      const id = newId('hart');
      const onSite = options.site ?? siteId;
      const created = await store.helpCenter.createArticle(
        onSite,
        {
          id,
          translationGroupId: id,
          values: {
            categoryId: null,
            locale,
            slug: id
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, ''),
            title,
            summary: options.summary ?? '',
            body,
          },
        },
        { ...change(), action: 'created' },
      );
      if (options.publish === false) return created;
      const published = await store.helpCenter.updateArticle(onSite, id, { status: 'published' }, change());
      if (!published) throw new Error('article vanished');
      return published;
    };
    const search = (query: string, locale = 'en', limit = 10) =>
      store.helpSearch.search({ siteId, locale, query, limit });
    const titles = async (query: string, locale = 'en') => (await search(query, locale)).results.map((r) => r.title);

    it('stems English: "refunds" finds "refund", "shipping" finds "shipped"', async () => {
      await article('en', 'Refund policy', 'We give your money back within 30 days.');
      await article('en', 'When is my order shipped?', 'Orders leave the warehouse in two days.');
      await article('en', 'Changing your password', 'Open the account page.');
      expect(await titles('refunds ')).toEqual(['Refund policy']);
      expect(await titles('shipping ')).toEqual(['When is my order shipped?']);
      expect((await search('refunds ')).match).toBe('exact');
    });

    it.each([
      ['de', 'Rückerstattung beantragen', 'So bekommen Sie Ihr Geld zurück.', 'Rückerstattungen '],
      ['fr', 'Demander un remboursement', 'Comment récupérer votre argent.', 'remboursements '],
      ['es', 'Solicitar un reembolso', 'Cómo recuperar su dinero.', 'reembolsos '],
      ['ar', 'سياسة الاسترداد', 'كيف تسترد أموالك', 'استرداد '],
    ])('stems %s', async (locale, title, body, query) => {
      await article(locale, title, body);
      await article(locale, 'Andere Seite', 'Nichts davon hier.');
      expect(await titles(query, locale)).toEqual([title]);
    });

    it('matches the word being typed as a prefix', async () => {
      await article('en', 'Shipping times', 'Parcels arrive in two days.');
      await article('en', 'Refund policy', 'Money back within 30 days.');
      expect(await titles('shipp')).toEqual(['Shipping times']);
      expect(await titles('ref')).toEqual(['Refund policy']);
      expect(await titles('refund pol')).toEqual(['Refund policy']);
      // a finished word (space after it) is a whole word, not a prefix (only the fallback may find it)
      expect((await search('ref ')).match).not.toBe('exact');
    });

    it('falls back to similar words when nothing matches exactly', async () => {
      await article('en', 'Shipping times', 'Parcels arrive in two days.');
      await article('en', 'Refund policy', 'Money back within 30 days.');
      await article('en', 'Returning an item', 'Send it back in its box.');
      const typo = await search('shiping ');
      expect(typo.match).toBe('fuzzy');
      expect(typo.results.map((r) => r.title)).toEqual(['Shipping times']);
      expect((await search('refnud ')).results.map((r) => r.title)).toEqual(['Refund policy']);
      expect(await search('zzzzqqq ')).toEqual({ match: 'none', results: [] });
    });

    it('ranks a title match above a body match', async () => {
      await article('en', 'Account settings', 'Your password, your password and your password are kept safe.');
      await article('en', 'Password help', 'Open the account page.');
      expect(await titles('password ')).toEqual(['Password help', 'Account settings']);
    });

    it('finds a question written in a sentence by its telling words', async () => {
      await article('en', 'Refund policy', 'We give your money back within 30 days.');
      await article('en', 'Shipping times', 'Parcels arrive in two days.');
      expect((await titles('how do I get a refund?'))[0]).toBe('Refund policy');
    });

    it('finds only published articles of the site and locale, and follows edits', async () => {
      const other = newId('site');
      await store.sites.create(siteFixture(now(), { id: other }));
      await article('en', 'Refund policy (draft)', 'Money back.', { publish: false });
      await article('en', 'Refund policy elsewhere', 'Money back.', { site: other });
      await article('de', 'Refund policy auf Deutsch', 'Geld zurück.');
      const live = await article('en', 'Refund policy', 'Money back.');
      expect(await titles('refund ')).toEqual(['Refund policy']);

      await store.helpCenter.updateArticle(siteId, live.id, { title: 'Money back guarantee' }, change());
      expect(await titles('refund ')).toEqual([]);
      expect(await titles('guarantee ')).toEqual(['Money back guarantee']);

      await store.helpCenter.updateArticle(siteId, live.id, { status: 'draft' }, change());
      expect(await titles('guarantee ')).toEqual([]);
      await store.helpCenter.updateArticle(siteId, live.id, { status: 'published' }, change());
      expect(await titles('guarantee ')).toEqual(['Money back guarantee']);
      await store.helpCenter.deleteArticle(siteId, live.id);
      expect(await titles('guarantee ')).toEqual([]);
    });

    it('honours the limit', async () => {
      for (let i = 0; i < 5; i++) await article('en', `Refund case ${i}`, 'Money back.');
      expect((await search('refund ', 'en', 3)).results).toHaveLength(3);
    });

    it.each(HOSTILE.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length})` : JSON.stringify(q), q]))(
      'answers the hostile query %s',
      async (_label, query) => {
        await article('en', 'Refund policy', 'Money back.');
        const result = await search(query);
        expect(['exact', 'fuzzy', 'none']).toContain(result.match);
      },
    );

    it('answers any text at all', async () => {
      await article('en', 'Refund policy', 'Money back.');
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 30 }), async (a, b) => {
          const result = await search(`${a}${b}`);
          expect(['exact', 'fuzzy', 'none']).toContain(result.match);
          expect(result.results.length).toBeLessThanOrEqual(10);
        }),
        { numRuns: 60 },
      );
    });
  });
}
