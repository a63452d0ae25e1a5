/**
 * The console editor's server side over real HTTP: the preview renders Markdown by the public pages'
 * rules; a long article saves; pictures upload only as admins and only as real images (sniffed,
 * re-encoded without metadata, size-capped), and their lasting address serves agents always but the
 * public only while a published article shows the picture, on the public pages too.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import fc from 'fast-check';
import {
  HELP_IMAGE_MAX_BYTES,
  HelpArticleResponseSchema,
  HelpImageSchema,
  HelpPreviewResponseSchema,
  HelpShareResponseSchema,
  ArticlesContentSchema,
} from '@parley/shared';
import { ADMIN, useTestServer, type TestServer } from '../support/test-server.ts';
import { restAs, signedInRest } from '../support/rest.ts';
import { login } from '../support/clients.ts';
import { download, formWith, pngImage, phonePhoto, PDF } from '../support/attachments.ts';

const t = useTestServer();

async function demoSite(server: TestServer): Promise<{ id: string; key: string }> {
  const demo = await server.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  return { id: demo.id, key: demo.siteKey };
}

async function upload(siteId: string, cookie: string | undefined, form: FormData) {
  const res = await fetch(`${t.url}/api/admin/sites/${siteId}/help/images`, {
    method: 'POST',
    headers: { origin: t.origin, ...(cookie === undefined ? {} : { cookie }) },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

describe('help center editor API', () => {
  it('previews Markdown safely and saves an article longer than the usual JSON limit', async () => {
    const site = await demoSite(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const preview = await admin('POST', `/api/admin/sites/${site.id}/help/preview`, {
      body: '# Hi\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1)) ![p](data:image/png;base64,AA)',
    });
    expect(preview.status).toBe(200);
    const { html } = HelpPreviewResponseSchema.parse(preview.body);
    expect(html).toContain('<h1>Hi</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|href="javascript|src="data/);

    const long = 'A line of a long guide.\n'.repeat(3000); // ~72 kB, past the app's 32 kB JSON limit
    const created = await admin('POST', `/api/admin/sites/${site.id}/help/articles`, {
      locale: 'en',
      title: 'Long guide',
      body: long,
    });
    expect(created.status).toBe(201);
    const id = HelpArticleResponseSchema.parse(created.body).article.id;
    const patched = await admin('PATCH', `/api/admin/sites/${site.id}/help/articles/${id}`, { body: `${long}more` });
    expect(HelpArticleResponseSchema.parse(patched.body).article.body).toHaveLength(long.length + 4);
    // other routes keep the small limit
    const big = await admin('POST', `/api/admin/sites/${site.id}/help/categories`, {
      locale: 'en',
      title: 'x',
      description: 'y'.repeat(40_000),
    });
    expect(big.status).toBe(413);
  });

  it('serves an uploaded picture to agents, and to the public only while a published article shows it', async () => {
    const site = await demoSite(t);
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);

    const uploaded = await upload(site.id, cookie, formWith('photo.jpg', await phonePhoto(), 'image/jpeg'));
    expect(uploaded.status).toBe(201);
    const image = HelpImageSchema.parse((uploaded.body as { image: unknown }).image);
    expect(image.url).toMatch(new RegExp(`^${t.url}/api/help-images/${site.id}/himg_[A-Za-z0-9_-]{16}\\.jpg$`));
    expect(image.type).toBe('image/jpeg');

    // the editor's preview (a signed-in agent) sees it; the public does not while no published article shows it
    const asAgent = await fetch(image.url, { headers: { cookie } });
    expect(asAgent.status).toBe(200);
    expect(asAgent.headers.get('content-type')).toBe('image/jpeg');
    expect(asAgent.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await asAgent.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined(); // re-encoded: no GPS, no camera
    expect((await download(image.url)).status).toBe(404);

    const created = HelpArticleResponseSchema.parse(
      (
        await admin('POST', `/api/admin/sites/${site.id}/help/articles`, {
          locale: 'en',
          title: 'With a picture',
          slug: 'with-a-picture',
          body: `Look:\n\n![The settings screen](${image.url})`,
        })
      ).body,
    ).article;
    expect((await download(image.url)).status).toBe(404); // a draft shows nothing to the public
    await admin('POST', `/api/admin/sites/${site.id}/help/articles/${created.id}/publish`);
    const published = await download(image.url);
    expect(published.status).toBe(200);
    expect(published.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(published.bytes.equals(bytes)).toBe(true);

    // the public page shows it, and its policy lets the picture load
    const page = await fetch(`${t.url}/help/${site.key}/en/articles/with-a-picture`);
    expect(await page.text()).toContain(`src="${image.url}"`);

    await admin('POST', `/api/admin/sites/${site.id}/help/articles/${created.id}/unpublish`);
    expect((await download(image.url)).status).toBe(404);
    // a picture of one site is not another site's: the path names the site
    expect((await download(image.url.replace(site.id, 'site_other'))).status).toBe(404);
  });

  it('refuses non-admins, non-images, markup and pictures past the cap', async () => {
    const site = await demoSite(t);
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const agentRecord = await t.createAgent({ name: 'Ann' });
    const agentCookie = await login(t.url, agentRecord.email, agentRecord.password);
    const png = await pngImage();

    expect((await upload(site.id, undefined, formWith('a.png', png))).status).toBe(401);
    expect((await upload(site.id, agentCookie, formWith('a.png', png))).status).toBe(403);
    const pdf = await upload(site.id, cookie, formWith('a.pdf', PDF));
    expect(pdf).toMatchObject({ status: 415, body: { error: { code: 'file_type_not_allowed' } } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(site.id, cookie, formWith('a.svg', svg, 'image/svg+xml'))).body).toMatchObject({
      error: { code: 'file_type_not_allowed' },
    });
    const huge = Buffer.concat([png, Buffer.alloc(HELP_IMAGE_MAX_BYTES)]);
    expect((await upload(site.id, cookie, formWith('big.png', huge))).body).toMatchObject({
      error: { code: 'file_too_large' },
    });
    expect((await upload('site_nope', cookie, formWith('a.png', png))).status).toBe(404);
    const fine = await upload(site.id, cookie, formWith('a.png', png));
    expect(HelpImageSchema.parse((fine.body as { image: unknown }).image).type).toBe('image/png');
    // any name at all is answered 400 (not ours) or 404 (ours but absent), never looked up as a path
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (file) => {
        const res = await fetch(`${t.url}/api/help-images/${site.id}/${encodeURIComponent(file)}`);
        expect([400, 404]).toContain(res.status);
        await res.body?.cancel();
      }),
      { numRuns: 40 },
    );
    // names that are not ours are not found, never looked up as paths
    for (const file of ['..%2F..%2Fetc%2Fpasswd', 'himg_AAAAAAAAAAAAAAAA.svg', 'himg_short.png'])
      expect((await fetch(`${t.url}/api/help-images/${site.id}/${file}`, { headers: { cookie } })).status).toBe(400);
  });

  it('gives agents a published article as a link card to its public page and an excerpt', async () => {
    const site = await demoSite(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const agentRecord = await t.createAgent({ name: 'Ann' });
    const agent = await signedInRest(t.url, agentRecord.email, agentRecord.password);
    const created = HelpArticleResponseSchema.parse(
      (
        await admin('POST', `/api/admin/sites/${site.id}/help/articles`, {
          locale: 'de',
          title: 'Rückerstattung',
          slug: 'rueckerstattung',
          body: '# Geld zurück\n\nWir erstatten **jede** Bestellung.',
        })
      ).body,
    ).article;
    const share = `/api/help/sites/${site.id}/articles/${created.id}/share`;
    expect((await agent('GET', share)).body).toMatchObject({ error: { code: 'conflict' } });
    await admin('POST', `/api/admin/sites/${site.id}/help/articles/${created.id}/publish`);
    const shared = HelpShareResponseSchema.parse((await agent('GET', share)).body);
    expect(shared.link).toEqual({
      title: 'Rückerstattung',
      summary: 'Geld zurück Wir erstatten jede Bestellung.',
      url: `${t.url}/help/${site.key}/de/articles/rueckerstattung`,
    });
    expect(shared.excerpt).toBe('Geld zurück Wir erstatten jede Bestellung.');
    // what the composer sends is valid rich content, and the link opens the public page
    expect(ArticlesContentSchema.safeParse({ type: 'articles', articles: [shared.link] }).success).toBe(true);
    expect((await fetch(shared.link.url)).status).toBe(200);
    expect((await restAs(t.url, undefined)('GET', share)).status).toBe(401);
  });
});
