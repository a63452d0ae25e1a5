/**
 * The public help center as a search engine and a visitor without JavaScript see it: pages with
 * title, description, canonical link, structured data, the site's colour and widget snippet; Markdown
 * that cannot bring script; search results, not-found pages, sitemap.xml and the page security headers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HelpArticleResponseSchema, HelpCategoryResponseSchema } from '@parley/shared';
import { ADMIN, useTestServer } from '../support/test-server.ts';
import { signedInRest, type Rest } from '../support/rest.ts';

const t = useTestServer();

async function page(path: string) {
  const res = await fetch(`${t.url}${path}`, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const jsonLd = (html: string): unknown[] =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '') as unknown,
  );

describe('public help center pages', () => {
  let admin: Rest;
  let siteId: string;
  let base: string;

  beforeEach(async () => {
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    siteId = demo.id;
    await t.server.store.sites.updateSettings(siteId, { color: '#0f766e', name: 'Acme' });
    admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    base = `/help/${t.siteKey}`;
    const category = HelpCategoryResponseSchema.parse(
      (
        await admin('POST', `/api/admin/sites/${siteId}/help/categories`, {
          locale: 'en',
          title: 'Billing',
          description: 'Payments and refunds',
        })
      ).body,
    ).category;
    const article = async (values: Record<string, unknown>) => {
      const created = HelpArticleResponseSchema.parse(
        (await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', ...values })).body,
      ).article;
      await admin('POST', `/api/admin/sites/${siteId}/help/articles/${created.id}/publish`);
      return created;
    };
    const refund = await article({
      title: 'Refund policy',
      summary: 'Money back within 30 days.',
      categoryId: category.id,
      body: '## How it works\n\nWe refund **every** order.\n\n<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n[evil](javascript:alert(1)) [docs](https://docs.example/refunds)\n\n![chart](javascript:alert(2))',
    });
    await admin('POST', `/api/admin/sites/${siteId}/help/articles`, {
      locale: 'de',
      title: 'Rückerstattung',
      body: 'Geld zurück.',
      translationOf: refund.id,
    });
    const german = (await t.server.store.helpCenter.listArticles(siteId, { locale: 'de' }))[0];
    if (german) await admin('POST', `/api/admin/sites/${siteId}/help/articles/${german.id}/publish`);
    await article({ title: 'Shipping times', body: 'Two days.' });
    await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', title: 'Secret draft', body: 'x' });
  });

  it('shows the home page with categories, popular articles, the site colour and the widget', async () => {
    const home = await page(`${base}/en/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.text).toContain('<html lang="en" dir="ltr">');
    expect(home.text).toContain('<title>Acme Help center</title>');
    expect(home.text).toContain(`<link rel="canonical" href="${t.url}${base}/en/">`);
    expect(home.text).toContain('<meta name="description" content="Acme Help center: ');
    expect(home.text).toContain(`href="${base}/en/categories/billing"`);
    expect(home.text).toContain(`href="${base}/en/articles/shipping-times"`);
    expect(home.text).not.toContain('Secret draft');
    expect(home.text).toContain(`<script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`);
    expect(jsonLd(home.text)).toEqual([
      expect.objectContaining({
        '@type': 'WebSite',
        potentialAction: expect.objectContaining({ '@type': 'SearchAction' }) as unknown,
      }),
    ]);
    const theme = await page(`${base}/theme.css`);
    expect(theme.text).toContain('--brand:#0f766e;--on-brand:#fff');
    expect((await page('/help/assets/help.css')).headers.get('content-type')).toMatch(/^text\/css/);

    // the site's key alone leads to its locale's home
    const bare = await page(base);
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe(`${base}/en/`);
  });

  it('renders an article with safe Markdown, structured data and its other locales', async () => {
    const article = await page(`${base}/en/articles/refund-policy`);
    expect(article.status).toBe(200);
    expect(article.text).toContain('<title>Refund policy · Acme Help center</title>');
    expect(article.text).toContain('<meta name="description" content="Money back within 30 days.">');
    expect(article.text).toContain('<h2>How it works</h2>');
    expect(article.text).toContain('<strong>every</strong>');
    expect(article.text).toContain('<a href="https://docs.example/refunds" rel="noopener">docs</a>');
    expect(article.text).toContain(
      `<link rel="alternate" hreflang="de" href="${t.url}${base}/de/articles/ruckerstattung">`,
    );
    // the only scripts on the page are the JSON-LD data blocks and the widget snippet
    const scripts = article.text.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual([
      '<script type="application/ld+json">',
      '<script type="application/ld+json">',
      `<script async src="${t.url}/widget.js" data-site-key="${t.siteKey}">`,
    ]);
    expect(article.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(article.text).not.toMatch(/<img[^>]*(onerror|src="?x)|href="javascript|src="javascript/i);
    const [data, crumbs] = jsonLd(article.text);
    expect(data).toMatchObject({ '@type': 'Article', headline: 'Refund policy', inLanguage: 'en' });
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });

    // the view is counted: the popular list and the reports read it
    expect((await t.server.store.helpCenter.popular(siteId, 'en', 1))[0]?.slug).toBe('refund-policy');

    expect((await page(`${base}/de/articles/ruckerstattung`)).text).toContain('<html lang="de" dir="ltr">');
    expect((await page(`${base}/en/articles/secret-draft`)).status).toBe(404);
    expect((await page(`${base}/en/articles/NOT_A_SLUG`)).status).toBe(404);
    expect((await page(`${base}/xx_YY/`)).status).toBe(404);
    expect((await page('/help/nope/en/')).status).toBe(404);
  });

  it('lists a category and answers searches without JavaScript', async () => {
    const category = await page(`${base}/en/categories/billing`);
    expect(category.text).toContain('<h1>Billing</h1>');
    expect(category.text).toContain('Refund policy');
    expect(category.text).not.toContain('Shipping times');

    const results = await page(`${base}/en/search?q=${encodeURIComponent('refunds <b>')}`);
    expect(results.text).toContain('Results for “refunds &lt;b&gt;”');
    expect(results.text).toContain(`href="${base}/en/articles/refund-policy"`);
    expect(results.text).toContain('<meta name="robots" content="noindex">');
    expect(results.text).toContain('value="refunds &lt;b&gt;"');
    const typo = await page(`${base}/en/search?q=shiping`);
    expect(typo.text).toContain('No exact match; these are close:');
    const nothing = await page(`${base}/en/search?q=teleportation`);
    expect(nothing.text).toContain('No article matches your search.');
    const day = new Date().toISOString().slice(0, 10);
    expect(await t.server.store.helpCenter.contentGaps(siteId, day, '9999', 5)).toEqual([
      { query: 'teleportation', count: 1 },
    ]);
  });

  it('lists every published article in sitemap.xml', async () => {
    const sitemap = await page(`${base}/sitemap.xml`);
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
    const locs = [...sitemap.text.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      `${t.url}${base}/de/`,
      `${t.url}${base}/en/`,
      `${t.url}${base}/en/categories/billing`,
      `${t.url}${base}/de/articles/ruckerstattung`,
      `${t.url}${base}/en/articles/refund-policy`,
      `${t.url}${base}/en/articles/shipping-times`,
    ]);
    expect(sitemap.text).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
  });

  it('sends a policy that allows no inline script and no framing', async () => {
    const { headers } = await page(`${base}/en/articles/refund-policy`);
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("img-src 'self' data: https:");
    expect(policy).not.toContain('unsafe-inline');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });
});
