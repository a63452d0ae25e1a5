/**
 * The help center in the widget, server side (help-widget): the site's help mode in the console's
 * site settings and in the widget config (left out while there is nothing to offer), the widget's
 * report of suggested articles, and the visitor the widget's token names on what it records, which
 * is what an agent's visitor panel then lists.
 */
import { describe, expect, it } from 'vitest';
import {
  HelpArticleResponseSchema,
  SiteAdminResponseSchema,
  VISITOR_TOKEN_HEADER,
  VisitorHelpResponseSchema,
  WidgetConfigSchema,
} from '@parley/shared';
import { ADMIN, useTestServer, type TestServer } from '../support/test-server.ts';
import { signedInRest, type Rest } from '../support/rest.ts';
import { connectVisitor, connected, call, disconnectAll } from '../support/clients.ts';
import type { SessionResumeResult } from '@parley/shared';

const t = useTestServer();

async function demoSiteId(server: TestServer): Promise<string> {
  const demo = await server.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  return demo.id;
}

async function publish(admin: Rest, siteId: string, slug: string, title: string) {
  const created = HelpArticleResponseSchema.parse(
    (await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', slug, title, body: title })).body,
  ).article;
  await admin('POST', `/api/admin/sites/${siteId}/help/articles/${created.id}/publish`);
  return created;
}

async function visitorToken(server: TestServer): Promise<{ token: string; visitorId: string }> {
  const socket = connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin });
  await connected(socket);
  const resumed = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  disconnectAll();
  return { token: resumed.token, visitorId: resumed.visitorId };
}

const config = async (server: TestServer) =>
  WidgetConfigSchema.parse(await (await fetch(`${server.url}/api/widget/config/${server.siteKey}`)).json());

describe('the help center in the widget', () => {
  it('offers the help center in the config once there is an article, in the mode the admin picks', async () => {
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    // nothing published, chat first: nothing to offer, so the widget fetches no help code
    expect((await config(t)).help).toBeUndefined();
    await publish(admin, siteId, 'refunds', 'Refund policy');
    expect((await config(t)).help).toBe('chat');

    const saved = await admin('PATCH', `/api/admin/sites/${siteId}`, { helpMode: 'articles-only' });
    expect(saved.status).toBe(200);
    expect(SiteAdminResponseSchema.parse(saved.body).site.helpMode).toBe('articles-only');
    expect((await config(t)).help).toBe('articles-only');
    expect((await admin('PATCH', `/api/admin/sites/${siteId}`, { helpMode: 'bot-only' })).status).toBe(400);
    await admin('PATCH', `/api/admin/sites/${siteId}`, { helpMode: 'help-first' });
    expect((await config(t)).help).toBe('help-first');
  });

  it('records suggestions, opens and votes with the visitor, which the agent then sees', async () => {
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    await publish(admin, siteId, 'refunds', 'Refund policy');
    await publish(admin, siteId, 'shipping', 'Shipping times');
    const { token, visitorId } = await visitorToken(t);
    const help = `${t.url}/api/widget/${t.siteKey}/help`;
    const withToken = { origin: t.origin, [VISITOR_TOKEN_HEADER]: token };

    // the preflight lets the site's pages send the token
    const preflight = await fetch(`${help}/shown`, {
      method: 'OPTIONS',
      headers: { origin: t.origin, 'access-control-request-headers': VISITOR_TOKEN_HEADER },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(t.origin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain(VISITOR_TOKEN_HEADER);

    const shown = await fetch(`${help}/shown?locale=en`, {
      method: 'POST',
      headers: { ...withToken, 'content-type': 'application/json' },
      body: JSON.stringify({ slugs: ['refunds', 'shipping', 'no-such-article'] }),
    });
    expect(shown.status).toBe(200);
    expect((await fetch(`${help}/articles/refunds?locale=en`, { headers: withToken })).status).toBe(200);
    const vote = await fetch(`${help}/articles/refunds/votes?locale=en`, {
      method: 'POST',
      headers: { ...withToken, 'content-type': 'application/json' },
      body: JSON.stringify({ helpful: true }),
    });
    expect(vote.status).toBe(200);
    // without a token (or with a forged one) the event counts, for nobody in particular
    expect((await fetch(`${help}/articles/shipping`, { headers: { [VISITOR_TOKEN_HEADER]: 'forged' } })).status).toBe(
      200,
    );
    const bad = await fetch(`${help}/shown`, {
      method: 'POST',
      headers: { ...withToken, 'content-type': 'application/json' },
      body: JSON.stringify({ slugs: [] }),
    });
    expect(bad.status).toBe(400);

    const seen = VisitorHelpResponseSchema.parse(
      (await admin('GET', `/api/help/visitors/${visitorId}/articles`)).body,
    ).articles;
    expect(seen.map(({ slug, shown: s, opened, helpful }) => ({ slug, shown: s, opened, helpful }))).toEqual([
      { slug: 'refunds', shown: true, opened: true, helpful: true },
      { slug: 'shipping', shown: true, opened: false, helpful: null },
    ]);
    expect(seen[0]?.siteId).toBe(siteId);
    // agents only
    expect((await fetch(`${t.url}/api/help/visitors/${visitorId}/articles`)).status).toBe(401);
  });
});
