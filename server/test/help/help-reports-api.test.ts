/**
 * The help center report over real HTTP: what the widget's API records (searches, a search that finds
 * nothing, a view, votes) shows up in the admins' report and its CSV; agents may not read it; a bad
 * range is refused.
 */
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, HelpArticleResponseSchema, HelpReportResponseSchema } from '@parley/shared';
import { ADMIN, useTestServer } from '../support/test-server.ts';
import { signedInRest } from '../support/rest.ts';
import { login } from '../support/clients.ts';

const t = useTestServer();

describe('help center report REST', () => {
  it('shows what the widget recorded, as JSON and CSV, to admins only', async () => {
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const created = HelpArticleResponseSchema.parse(
      (
        await admin('POST', `/api/admin/sites/${demo.id}/help/articles`, {
          locale: 'en',
          title: 'Refund policy',
          body: 'We refund every order within 30 days.',
        })
      ).body,
    ).article;
    await admin('POST', `/api/admin/sites/${demo.id}/help/articles/${created.id}/publish`);

    const widget = `${t.url}/api/widget/${demo.siteKey}/help`;
    expect((await fetch(`${widget}/search?q=refunds&locale=en`)).status).toBe(200);
    expect((await fetch(`${widget}/search?q=${encodeURIComponent('=gift cards')}&locale=en`)).status).toBe(200);
    expect((await fetch(`${widget}/search?q=${encodeURIComponent('=gift cards')}&locale=en`)).status).toBe(200);
    expect((await fetch(`${widget}/articles/refund-policy?locale=en`)).status).toBe(200);
    const vote = (helpful: boolean) =>
      fetch(`${widget}/articles/refund-policy/votes?locale=en`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ helpful }),
      });
    expect((await vote(true)).status).toBe(200);
    expect((await vote(false)).status).toBe(200);
    expect((await vote(true)).status).toBe(200);

    // a day either side, so a run across midnight still covers everything
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(-1), day(1)];
    const range = `from=${from}&to=${to}&siteId=${demo.id}&timeZone=UTC`;
    const res = await admin('GET', `/api/admin/reports/help?${range}`);
    expect(res.status).toBe(200);
    const report = HelpReportResponseSchema.parse(res.body).helpReport;
    expect(report).toMatchObject({
      siteId: demo.id,
      timeZone: 'UTC',
      views: 1,
      searches: 3,
      zeroResultSearches: 2,
      helpfulVotes: 2,
      unhelpfulVotes: 1,
      helpfulRate: 2 / 3,
      contentGaps: [{ query: '=gift cards', count: 2 }],
    });
    expect(report.articles).toEqual([
      expect.objectContaining({ articleId: created.id, title: 'Refund policy', views: 1, helpfulVotes: 2 }),
    ]);

    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const csv = async (view: string) => {
      const answer = await fetch(`${t.url}/api/admin/reports/help.csv?${range}&view=${view}`, {
        headers: { cookie },
      });
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(answer.headers.get('content-disposition')).toContain(`parley-help-${view}s-${from}-to-${to}.csv`);
      return answer.text();
    };
    expect(await csv('gap')).toBe(`query,searches\r\n'=gift cards,2\r\n`);
    expect(await csv('article')).toBe(
      'article_id,title,locale,slug,shown,views,helpful_votes,unhelpful_votes,helpful_rate,deflected_visitors\r\n' +
        `${created.id},Refund policy,en,refund-policy,0,1,2,1,0.6667,0\r\n`,
    );

    const agentRecord = await t.createAgent({ name: 'Ann' });
    const agent = await signedInRest(t.url, agentRecord.email, agentRecord.password);
    expect((await agent('GET', `/api/admin/reports/help?${range}`)).status).toBe(403);
    const backwards = await admin('GET', `/api/admin/reports/help?from=${from}&to=2000-01-01`);
    expect(backwards.status).toBe(400);
    expect(ErrorBodySchema.parse(backwards.body).error.code).toBe('invalid_payload');
  });
});
