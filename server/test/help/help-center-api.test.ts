/**
 * The help center over real HTTP: admins write, publish, order and import; agents read and search but
 * do not write; the widget's public API finds and shows only published articles, renders Markdown
 * safely, records views, searches (and the ones that found nothing) and votes; searches are limited.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorBodySchema,
  HelpArticleListResponseSchema,
  HelpArticleResponseSchema,
  HelpCategoryListResponseSchema,
  HelpCategoryResponseSchema,
  HelpImportResponseSchema,
  HelpJsonBundleSchema,
  HelpMarkdownBundleSchema,
  HelpPopularResponseSchema,
  HelpPublicArticleResponseSchema,
  HelpRevisionListResponseSchema,
  HelpSearchResponseSchema,
} from '@parley/shared';
import { ADMIN, startTestServer, useTestServer, type TestServer } from '../support/test-server.ts';
import { signedInRest, type Rest } from '../support/rest.ts';

const t = useTestServer();

async function demoSiteId(server: TestServer): Promise<string> {
  const demo = await server.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  return demo.id;
}

async function publishedArticle(admin: Rest, siteId: string, values: Record<string, unknown>) {
  const created = HelpArticleResponseSchema.parse(
    (await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', ...values })).body,
  ).article;
  await admin('POST', `/api/admin/sites/${siteId}/help/articles/${created.id}/publish`);
  return created;
}

const widgetGet = async (url: string, path: string, origin?: string) => {
  const res = await fetch(`${url}${path}`, origin ? { headers: { origin } } : {});
  return { status: res.status, headers: res.headers, body: await res.json() };
};

describe('help center REST', () => {
  it('lets admins write, publish, order and see who changed what; agents read but do not write', async () => {
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const agentRecord = await t.createAgent({ name: 'Ann' });
    const agent = await signedInRest(t.url, agentRecord.email, agentRecord.password);
    const base = `/api/admin/sites/${siteId}/help`;

    const billing = HelpCategoryResponseSchema.parse(
      (await admin('POST', `${base}/categories`, { locale: 'en', title: 'Billing & Payments' })).body,
    ).category;
    expect(billing).toMatchObject({ slug: 'billing-payments', position: 0 });
    const shipping = HelpCategoryResponseSchema.parse(
      (await admin('POST', `${base}/categories`, { locale: 'EN', title: 'Shipping', slug: 'shipping' })).body,
    ).category;
    expect(shipping).toMatchObject({ locale: 'en', position: 1 });
    expect((await admin('POST', `${base}/categories`, { locale: 'en', title: 'x', slug: 'shipping' })).status).toBe(
      409,
    );

    const reordered = HelpCategoryListResponseSchema.parse(
      (await admin('PUT', `${base}/category-order`, { ids: [shipping.id, billing.id] })).body,
    ).categories;
    expect(reordered.map((c) => c.slug)).toEqual(['shipping', 'billing-payments']);
    expect((await admin('PUT', `${base}/category-order`, { ids: [shipping.id] })).status).toBe(400);

    const created = await admin('POST', `${base}/articles`, {
      locale: 'en',
      title: 'Refund policy',
      summary: 'Money back within 30 days.',
      body: 'We refund **every** order.',
      categoryId: billing.id,
    });
    expect(created.status).toBe(201);
    const article = HelpArticleResponseSchema.parse(created.body).article;
    expect(article).toMatchObject({ slug: 'refund-policy', status: 'draft', categoryId: billing.id });

    const edited = HelpArticleResponseSchema.parse(
      (await admin('PATCH', `${base}/articles/${article.id}`, { body: 'We refund every order within 30 days.' })).body,
    ).article;
    expect(edited.body).toBe('We refund every order within 30 days.');
    const published = HelpArticleResponseSchema.parse(
      (await admin('POST', `${base}/articles/${article.id}/publish`)).body,
    ).article;
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();

    const german = HelpArticleResponseSchema.parse(
      (
        await admin('POST', `${base}/articles`, {
          locale: 'de',
          title: 'Rückerstattung',
          body: 'Wir erstatten jede Bestellung.',
          translationOf: article.id,
        })
      ).body,
    );
    expect(german.article).toMatchObject({ slug: 'ruckerstattung', translationGroupId: article.id });
    expect(german.translations).toEqual([{ id: article.id, locale: 'en', slug: 'refund-policy', status: 'published' }]);
    expect(
      (
        await admin('POST', `${base}/articles`, {
          locale: 'de',
          title: 'Noch eine',
          body: '',
          translationOf: article.id,
        })
      ).status,
    ).toBe(409);

    // agents read, drafts included, and see the history with who changed what
    const agentBase = `/api/help/sites/${siteId}`;
    const revisions = HelpRevisionListResponseSchema.parse(
      (await agent('GET', `${agentBase}/articles/${article.id}/revisions`)).body,
    ).revisions;
    expect(revisions.map((r) => [r.number, r.action, r.authorName, r.changed])).toEqual([
      [3, 'published', 'Admin', ['status']],
      [2, 'updated', 'Admin', ['body']],
      [1, 'created', 'Admin', []],
    ]);
    const listed = HelpArticleListResponseSchema.parse(
      (await agent('GET', `${agentBase}/articles?locale=de&status=draft`)).body,
    ).articles;
    expect(listed.map((a) => a.title)).toEqual(['Rückerstattung']);
    const found = HelpSearchResponseSchema.parse((await agent('GET', `${agentBase}/search?q=refunds%20`)).body);
    expect(found.results.map((r) => r.title)).toEqual(['Refund policy']);

    // …but do not write
    for (const [method, path, body] of [
      ['POST', `${base}/categories`, { locale: 'en', title: 'Nope' }],
      ['PATCH', `${base}/articles/${article.id}`, { title: 'Hacked' }],
      ['POST', `${base}/articles/${article.id}/unpublish`, undefined],
      ['DELETE', `${base}/articles/${article.id}`, undefined],
      ['POST', `${base}/import`, { format: 'markdown', files: [] }],
    ] as const) {
      const res = await agent(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await restAnonymous(t.url)('GET', `${agentBase}/articles`)).status).toBe(401);

    expect((await admin('POST', `${base}/articles/${article.id}/unpublish`)).status).toBe(200);
    expect((await admin('DELETE', `${base}/categories/${billing.id}`)).status).toBe(204);
    const orphan = HelpArticleResponseSchema.parse((await agent('GET', `${agentBase}/articles/${article.id}`)).body);
    expect(orphan.article.categoryId).toBeNull();
    expect((await admin('DELETE', `${base}/articles/${article.id}`)).status).toBe(204);
    const gone = await agent('GET', `${agentBase}/articles/${article.id}`);
    expect(ErrorBodySchema.parse(gone.body).error.code).toBe('not_found');
    expect((await admin('GET', `/api/admin/sites/nope/help/export`)).status).toBe(404);
  });

  it('serves the widget published articles only, rendered safely, and records what visitors do', async () => {
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    await publishedArticle(admin, siteId, {
      title: 'Refund policy',
      body: 'Money back.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://example.com)',
    });
    await admin('POST', `/api/admin/sites/${siteId}/help/articles`, {
      locale: 'en',
      title: 'Refund secrets',
      body: 'draft',
    });
    const widget = `/api/widget/${t.siteKey}/help`;

    const search = await widgetGet(t.url, `${widget}/search?q=refunds&locale=en`, t.origin);
    expect(search.headers.get('access-control-allow-origin')).toBe(t.origin);
    expect(HelpSearchResponseSchema.parse(search.body).results.map((r) => r.title)).toEqual(['Refund policy']);
    expect(
      HelpSearchResponseSchema.parse((await widgetGet(t.url, `${widget}/search?q=teleport%20`)).body),
    ).toMatchObject({
      match: 'none',
      results: [],
    });
    const foreign = await widgetGet(t.url, `${widget}/search?q=refund`, 'https://elsewhere.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const read = await widgetGet(t.url, `${widget}/articles/refund-policy`);
    const { article } = HelpPublicArticleResponseSchema.parse(read.body);
    expect(article.html).toContain('&lt;script&gt;');
    expect(article.html).not.toMatch(/<script|href="javascript/i);
    expect(article.html).toContain('<a href="https://example.com" rel="noopener">ok</a>');
    expect(article.url).toBe(`${t.url}/help/${t.siteKey}/en/articles/refund-policy`);
    expect((await widgetGet(t.url, `${widget}/articles/refund-secrets`)).status).toBe(404);
    expect((await widgetGet(t.url, `/api/widget/nope/help/articles/refund-policy`)).status).toBe(404);

    const popular = HelpPopularResponseSchema.parse((await widgetGet(t.url, `${widget}/popular`)).body);
    expect(popular.articles.map((a) => a.slug)).toEqual(['refund-policy']);

    const vote = await fetch(`${t.url}${widget}/articles/refund-policy/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.origin },
      body: JSON.stringify({ helpful: true }),
    });
    expect(vote.status).toBe(200);
    const refused = await fetch(`${t.url}${widget}/articles/refund-policy/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ helpful: false }),
    });
    expect(refused.status).toBe(403);

    const day = new Date().toISOString().slice(0, 10);
    const help = t.server.store.helpCenter;
    expect(await help.eventCounts(siteId, `${day}T00:00:00.000Z`, '9999-01-01')).toEqual({
      views: 1,
      searches: 3,
      zeroResultSearches: 1,
      helpfulVotes: 1,
      unhelpfulVotes: 0,
    });
    expect(await help.contentGaps(siteId, `${day}T00:00:00.000Z`, '9999-01-01', 10)).toEqual([
      { query: 'teleport', count: 1 },
    ]);
  });

  it('answers any search text with 200', async () => {
    const widget = `/api/widget/${t.siteKey}/help/search`;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (q) => {
        const res = await widgetGet(t.url, `${widget}?q=${encodeURIComponent(q)}&limit=${q.length}`);
        expect(res.status).toBe(200);
        HelpSearchResponseSchema.parse(res.body);
      }),
      { numRuns: 40 },
    );
    // 10,000 characters (a URL stays under Node's 16 KB header limit; the widget sends 200 at most)
    const tenThousand = `${'refund '.repeat(1428)}🙂💸`;
    expect(tenThousand).toHaveLength(10_000);
    const huge = await widgetGet(t.url, `${widget}?q=${encodeURIComponent(tenThousand)}&q=second&locale=%22%3B`);
    expect(HelpSearchResponseSchema.parse(huge.body).query).toHaveLength(200);
  });

  it('exports and imports JSON and Markdown bundles, larger than ordinary requests', async () => {
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const files = [
      { path: 'faq/en/billing/_category.md', content: '---\ntitle: Billing\ndescription: Money matters\n---\n' },
      {
        path: 'faq/en/billing/refunds.md',
        content: `---\ntitle: Refunds\nsummary: How refunds work\nstatus: published\ntranslationKey: refunds\n---\n\n${'Long text. '.repeat(5000)}`,
      },
      {
        path: 'faq/de/billing/erstattung.md',
        content: '---\ntitle: Erstattung\nstatus: published\ntranslationKey: refunds\n---\nGeld zurück.',
      },
      { path: 'faq/en/welcome.md', content: '# no front matter\n\nHello.' },
      { path: 'faq/en/logo.png', content: 'not markdown' },
    ];
    const imported = await admin('POST', `/api/admin/sites/${siteId}/help/import`, { format: 'markdown', files });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(HelpImportResponseSchema.parse(imported.body)).toEqual({
      categories: { created: 2, updated: 0 },
      articles: { created: 3, updated: 0 },
    });
    const bad = await admin('POST', `/api/admin/sites/${siteId}/help/import`, {
      format: 'markdown',
      files: [{ path: 'en/x.md', content: '---\ntitle: [unclosed\n---\n' }],
    });
    expect(ErrorBodySchema.parse(bad.body).error.message).toMatch(/^en\/x\.md: /);

    const json = HelpJsonBundleSchema.parse((await admin('GET', `/api/admin/sites/${siteId}/help/export`)).body);
    expect(json.articles.map((a) => [a.locale, a.slug, a.status, a.category])).toEqual([
      ['de', 'erstattung', 'published', 'billing'],
      ['en', 'refunds', 'published', 'billing'],
      ['en', 'welcome', 'draft', null],
    ]);
    const keys = json.articles.map((a) => a.translationKey);
    expect(keys[0]).toBe(keys[1]);

    const markdown = HelpMarkdownBundleSchema.parse(
      (await admin('GET', `/api/admin/sites/${siteId}/help/export?format=markdown`)).body,
    );
    expect(markdown.files.map((f) => f.path).sort()).toEqual([
      'de/billing/_category.md',
      'de/billing/erstattung.md',
      'en/billing/_category.md',
      'en/billing/refunds.md',
      'en/welcome.md',
    ]);
    // the export imports back as it is: everything matched, nothing new
    const again = HelpImportResponseSchema.parse(
      (await admin('POST', `/api/admin/sites/${siteId}/help/import`, markdown)).body,
    );
    expect(again).toEqual({ categories: { created: 0, updated: 2 }, articles: { created: 0, updated: 3 } });
    const roundTrip = HelpJsonBundleSchema.parse((await admin('GET', `/api/admin/sites/${siteId}/help/export`)).body);
    expect(roundTrip.articles.map(({ translationKey: _k, ...a }) => a)).toEqual(
      json.articles.map(({ translationKey: _k, ...a }) => a),
    );
  });
});

describe('help search limits', () => {
  it('refuses searches past the per-address limit, with Retry-After', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_HELP_SEARCH_PER_ADDRESS: '3/1m' } });
    try {
      const path = `/api/widget/${server.siteKey}/help/search?q=refund`;
      for (let i = 0; i < 3; i++) expect((await widgetGet(server.url, path)).status).toBe(200);
      const limited = await widgetGet(server.url, path);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(ErrorBodySchema.parse(limited.body).error.code).toBe('rate_limited');
    } finally {
      await server.close();
    }
  });
});

function restAnonymous(url: string): Rest {
  return async (method, path) => {
    const res = await fetch(`${url}${path}`, { method });
    return { status: res.status, body: await res.json() };
  };
}
