/**
 * @module The help center report's figures on every engine (help-reports.test.ts), from events and
 * conversations written with fixed times and a clock the test moves: deflection to the second at the
 * 30-minute boundary, pending visitors decided when the clock passes their window, exposures without
 * a visitor left out, per-article figures (a deleted article's counts kept), content gaps, and local
 * days cut at the site's midnight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { HelpReports } from '../../src/domain/help-center/help-reports.ts';
import type { Store } from '../../src/store/store.ts';
import type { HelpEvent } from '../../src/store/help-center-store.ts';
import { siteFixture } from '../support/site-fixture.ts';
import type { OpenStore } from './help-search-contract.ts';

const DAY = '2026-05-04';
const at = (time: string) => `${DAY}T${time}.000Z`;

export function helpReportsContract(engine: string, open: OpenStore): void {
  describe(`help center report: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let clock = new Date(at('23:59:00'));
    let reports: HelpReports;

    beforeAll(async () => {
      ({ store, dispose } = await open());
      reports = new HelpReports({ store, now: () => clock });
    });
    afterAll(async () => {
      await dispose();
    });

    const site = async (timeZone = 'UTC') => {
      const id = newId('site');
      await store.sites.create(siteFixture(at('00:00:00'), { id }));
      await store.sites.updateSettings(id, { businessHours: { enabled: false, timeZone, days: [] } });
      return id;
    };
    const article = async (siteId: string, slug: string) => {
      const id = newId('hart');
      await store.helpCenter.createArticle(
        siteId,
        {
          id,
          translationGroupId: id,
          values: { categoryId: null, locale: 'en', slug, title: `About ${slug}`, summary: '', body: slug },
        },
        { action: 'created', authorId: null, authorName: 'Ann', revisionId: newId('hrev'), now: at('00:00:00') },
      );
      return id;
    };
    const event = (siteId: string, when: string, values: Partial<HelpEvent>) =>
      store.helpCenter.recordEvent({
        id: newId('hevt'),
        siteId,
        kind: 'view',
        source: 'widget',
        locale: 'en',
        articleId: null,
        query: null,
        resultCount: null,
        helpful: null,
        visitorId: null,
        at: when,
        ...values,
      });
    const visitor = async (siteId: string) => {
      const id = newId('vis');
      await store.visitors.ensure(id, siteId, at('00:00:00'));
      return id;
    };
    const chat = (siteId: string, visitorId: string, when: string) =>
      store.conversations.create({ id: newId('conv'), siteId, visitorId, now: when });

    it('decides deflection to the second and leaves a visitor still in the window pending', async () => {
      const siteId = await site();
      const refunds = await article(siteId, 'refunds');
      const shipping = await article(siteId, 'shipping');
      const shown = (v: string, when: string, articleId = refunds) =>
        event(siteId, when, { kind: 'shown', visitorId: v, articleId });

      // chats exactly 30 minutes after being shown: within the window, so not deflected
      const onTheMinute = await visitor(siteId);
      await shown(onTheMinute, at('09:00:00'));
      await chat(siteId, onTheMinute, at('09:30:00'));
      // chats a second too late: deflected
      const secondLate = await visitor(siteId);
      await shown(secondLate, at('10:00:00'));
      await chat(siteId, secondLate, at('10:30:01'));
      // opened an article, voted, never chatted: deflected (both articles count it)
      const reader = await visitor(siteId);
      await event(siteId, at('11:00:00'), { kind: 'view', visitorId: reader, articleId: refunds });
      await event(siteId, at('11:01:00'), { kind: 'view', visitorId: reader, articleId: shipping });
      await event(siteId, at('11:02:00'), { kind: 'vote', visitorId: reader, articleId: refunds, helpful: true });
      // had chatted before being shown anything: the earlier chat does not count
      const chattedBefore = await visitor(siteId);
      await chat(siteId, chattedBefore, at('11:59:00'));
      await shown(chattedBefore, at('12:00:00'));
      // shown twice; the chat comes 40 minutes after the first, 20 after the second: chatted
      const twice = await visitor(siteId);
      await shown(twice, at('13:00:00'));
      await shown(twice, at('13:20:00'), shipping);
      await chat(siteId, twice, at('13:40:00'));
      // a page view without a visitor is a view, not an exposure
      await event(siteId, at('14:00:00'), { kind: 'view', source: 'page', articleId: shipping });
      // shown ten minutes before the clock: pending
      const late = await visitor(siteId);
      await shown(late, at('23:49:00'));

      clock = new Date(at('23:59:00'));
      const report = await reports.report({ from: DAY, to: DAY, siteId });
      expect(report.deflection).toEqual({ visitors: 5, deflected: 3, chatted: 2, pending: 1, rate: 3 / 5 });
      expect(report).toMatchObject({ views: 3, searches: 0, helpfulVotes: 1, unhelpfulVotes: 0, helpfulRate: 1 });
      expect(report.articles).toEqual([
        {
          articleId: shipping,
          title: 'About shipping',
          locale: 'en',
          slug: 'shipping',
          siteId,
          shown: 1,
          views: 2,
          helpfulVotes: 0,
          unhelpfulVotes: 0,
          helpfulRate: null,
          deflected: 1,
        },
        {
          articleId: refunds,
          title: 'About refunds',
          locale: 'en',
          slug: 'refunds',
          siteId,
          shown: 5,
          views: 1,
          helpfulVotes: 1,
          unhelpfulVotes: 0,
          helpfulRate: 1,
          deflected: 3,
        },
      ]);

      // at the window's last second the late visitor may still write; a second later they are decided
      clock = new Date(at('00:19:00').replace(DAY, '2026-05-05'));
      expect((await reports.report({ from: DAY, to: DAY, siteId })).deflection.pending).toBe(1);
      clock = new Date(at('00:19:01').replace(DAY, '2026-05-05'));
      expect((await reports.report({ from: DAY, to: DAY, siteId })).deflection).toEqual({
        visitors: 6,
        deflected: 4,
        chatted: 2,
        pending: 0,
        rate: 4 / 6,
      });
    });

    it("counts searches and content gaps, per site and in the site's days", async () => {
      clock = new Date('2026-06-01T00:00:00.000Z');
      const berlin = await site('Europe/Berlin');
      const other = await site();
      const search = (siteId: string, when: string, query: string, resultCount: number) =>
        event(siteId, when, { kind: 'search', query, resultCount });
      // 22:00Z on the 3rd is midnight on the 4th in Berlin (summer time): in; 21:59:59Z is the 3rd: out
      await search(berlin, '2026-05-03T22:00:00.000Z', 'gift cards', 0);
      await search(berlin, '2026-05-03T21:59:59.000Z', 'gift cards', 0);
      await search(berlin, at('08:00:00'), 'gift cards', 0);
      await search(berlin, at('09:00:00'), 'invoice copy', 0);
      await search(berlin, at('09:30:00'), 'refund', 3);
      // 22:00Z on the 4th is already the 5th in Berlin
      await search(berlin, at('22:00:00'), 'invoice copy', 0);
      await search(other, at('09:00:00'), 'gift cards', 0);

      const report = await reports.report({ from: DAY, to: DAY, siteId: berlin });
      expect(report.timeZone).toBe('Europe/Berlin');
      expect(report).toMatchObject({ searches: 4, zeroResultSearches: 3, views: 0 });
      expect(report.contentGaps).toEqual([
        { query: 'gift cards', count: 2 },
        { query: 'invoice copy', count: 1 },
      ]);
      expect(report.deflection).toEqual({ visitors: 0, deflected: 0, chatted: 0, pending: 0, rate: null });

      const utc = await reports.report({ from: DAY, to: DAY, siteId: berlin, timeZone: 'UTC' });
      expect(utc.contentGaps).toEqual([
        { query: 'invoice copy', count: 2 },
        { query: 'gift cards', count: 1 },
      ]);
    });

    it("keeps a deleted article's counts and decides each site's visitors apart", async () => {
      clock = new Date('2026-06-01T00:00:00.000Z');
      const siteId = await site();
      const otherSite = await site();
      const gone = await article(siteId, 'gone');
      const v = await visitor(siteId);
      await event(siteId, at('10:00:00'), { kind: 'view', visitorId: v, articleId: gone });
      await event(siteId, at('10:01:00'), { kind: 'vote', visitorId: v, articleId: gone, helpful: false });
      await store.helpCenter.deleteArticle(siteId, gone);
      // another site's visitor chats there: only that site's figures see it
      const w = await visitor(otherSite);
      await event(otherSite, at('10:00:00'), { kind: 'shown', visitorId: w, articleId: null });
      await chat(otherSite, w, at('10:05:00'));

      const mine = await reports.report({ from: DAY, to: DAY, siteId });
      expect(mine.articles).toEqual([
        {
          articleId: gone,
          title: null,
          locale: null,
          slug: null,
          siteId: null,
          shown: 0,
          views: 1,
          helpfulVotes: 0,
          unhelpfulVotes: 1,
          helpfulRate: 0,
          deflected: 1,
        },
      ]);
      expect(mine.deflection).toMatchObject({ deflected: 1, chatted: 0 });
      const theirs = await reports.report({ from: DAY, to: DAY, siteId: otherSite });
      expect(theirs.deflection).toMatchObject({ deflected: 0, chatted: 1 });
    });
  });
}
