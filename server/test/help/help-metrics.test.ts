/**
 * The help center in /metrics, after real requests to the widget's help API: events by kind and
 * source, searches that found nothing, search latency, and the last day's deflection read from the
 * database with a clock the test moves (cached for a minute between scrapes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HelpArticleResponseSchema } from '@parley/shared';
import { newId } from '../../src/domain/ids.ts';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { signedInRest } from '../support/rest.ts';

async function scrape(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const match = /^(\S+?(?:\{.*\})?) (\S+)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && !line.startsWith('#')) {
      samples.set(match[1], Number(match[2]));
    }
  }
  return samples;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('help center metrics', () => {
  it('counts events as they happen and reports the last day’s deflection', async () => {
    let clock = new Date('2026-05-04T09:00:00.000Z');
    server = await startTestServer({ now: () => clock });
    const { store } = server.server;
    const demo = await store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const article = HelpArticleResponseSchema.parse(
      (
        await admin('POST', `/api/admin/sites/${demo.id}/help/articles`, {
          locale: 'en',
          title: 'Shipping times',
          body: 'Parcels arrive in three days.',
        })
      ).body,
    ).article;
    await admin('POST', `/api/admin/sites/${demo.id}/help/articles/${article.id}/publish`);

    const widget = `${server.url}/api/widget/${demo.siteKey}/help`;
    await fetch(`${widget}/search?q=shipping&locale=en`);
    await fetch(`${widget}/search?q=warranty&locale=en`);
    await fetch(`${widget}/articles/shipping-times?locale=en`);
    await fetch(`${widget}/articles/shipping-times/votes?locale=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ helpful: true }),
    });

    // two widget visitors shown the article at 09:00: one chats ten minutes later, one never does
    const shown = async (chats: boolean) => {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, demo.id, clock.toISOString());
      await store.helpCenter.recordEvent({
        id: newId('hevt'),
        siteId: demo.id,
        kind: 'shown',
        source: 'widget',
        locale: 'en',
        articleId: article.id,
        query: null,
        resultCount: null,
        helpful: null,
        visitorId,
        at: clock.toISOString(),
      });
      if (chats) {
        await store.conversations.create({
          id: newId('conv'),
          siteId: demo.id,
          visitorId,
          now: '2026-05-04T09:10:00.000Z',
        });
      }
    };
    await shown(true);
    await shown(false);

    let metrics = await scrape(server.url);
    expect(metrics.get('parley_help_events_total{kind="search",source="widget"}')).toBe(2);
    expect(metrics.get('parley_help_events_total{kind="view",source="widget"}')).toBe(1);
    expect(metrics.get('parley_help_events_total{kind="vote",source="widget"}')).toBe(1);
    expect(metrics.get('parley_help_searches_without_result_total{source="widget"}')).toBe(1);
    expect(metrics.get('parley_help_search_duration_seconds_count')).toBe(2);
    // nobody is decided yet: the window is still open
    expect(metrics.get('parley_help_deflection_last_day_visitors{outcome="deflected"}')).toBe(0);
    expect(metrics.get('parley_help_deflection_last_day_visitors{outcome="chatted"}')).toBe(0);

    // at 09:30 the silent visitor may still write; a minute later both are decided
    clock = new Date('2026-05-04T09:30:00.000Z');
    expect((await scrape(server.url)).get('parley_help_deflection_last_day_visitors{outcome="deflected"}')).toBe(0);
    clock = new Date('2026-05-04T09:31:00.000Z');
    metrics = await scrape(server.url);
    expect(metrics.get('parley_help_deflection_last_day_visitors{outcome="deflected"}')).toBe(1);
    expect(metrics.get('parley_help_deflection_last_day_visitors{outcome="chatted"}')).toBe(1);

    // the figure is read at most once a minute: another silent visitor shows only after that
    clock = new Date('2026-05-04T09:00:30.000Z');
    await shown(false);
    clock = new Date('2026-05-04T09:31:59.000Z');
    expect((await scrape(server.url)).get('parley_help_deflection_last_day_visitors{outcome="deflected"}')).toBe(1);
    clock = new Date('2026-05-04T09:32:00.000Z');
    expect((await scrape(server.url)).get('parley_help_deflection_last_day_visitors{outcome="deflected"}')).toBe(2);
  });
});
