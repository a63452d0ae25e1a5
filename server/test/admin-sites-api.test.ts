/**
 * Admins manage sites over REST: create one with validated origins, time zone and hours; its snippet
 * comes from PUBLIC_URL; edits show in the public widget config at once; the identity secret can be
 * replaced, and a visitor from an allowed origin can chat on the new site.
 */
import { describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  SiteAdminResponseSchema,
  SiteListResponseSchema,
  WidgetConfigSchema,
  type SessionResumeResult,
} from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { call, connectVisitor, connected, rejected } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';

const t = useTestServer();

const siteOf = (res: { body: unknown }) => SiteAdminResponseSchema.parse(res.body).site;

describe('sites admin', () => {
  it('creates a site with normalised origins, defaults and a snippet built from PUBLIC_URL', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const res = await admin('POST', '/api/admin/sites', {
      name: '  Shoe shop ',
      allowedOrigins: ['https://Shoes.example/', 'https://shoes.example', 'http://localhost:8080'],
    });
    expect(res.status).toBe(201);
    const site = siteOf(res);
    expect(site).toMatchObject({
      name: 'Shoe shop',
      allowedOrigins: ['https://shoes.example', 'http://localhost:8080'],
      color: '#4f46e5',
      position: 'right',
      locale: null,
      isDemo: false,
      identityVerificationRequired: false,
      businessHours: { enabled: false, timeZone: 'UTC', days: [] },
    });
    expect(site.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(site.snippet).toBe(`<script async src="${t.url}/widget.js" data-site-key="${site.siteKey}"></script>`);
    const list = SiteListResponseSchema.parse((await admin('GET', '/api/admin/sites')).body).sites;
    expect(list.map((s) => s.name)).toEqual(['Demo', 'Shoe shop']);

    // A page on an allowed origin can chat; any other origin cannot.
    const visitor = connectVisitor(t.url, { siteKey: site.siteKey, origin: 'http://localhost:8080' });
    await connected(visitor);
    const resumed = await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.conversation).toBeNull();
    expect(await rejected(connectVisitor(t.url, { siteKey: site.siteKey, origin: t.origin }))).toMatchObject({
      code: 'origin_not_allowed',
    });
  });

  it('refuses origins with paths, unknown time zones, bad colours and hours that close before they open', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const res = await admin('POST', '/api/admin/sites', {
      name: 'Bad',
      allowedOrigins: ['https://shop.example/checkout', 'ftp://files.example'],
      color: 'red',
      businessHours: {
        enabled: true,
        timeZone: 'Mars/Olympus_Mons',
        days: [{ day: 'mon', open: '17:00', close: '09:00' }],
      },
      locale: 'not a locale!',
    });
    expect(res.status).toBe(400);
    const error = ErrorBodySchema.parse(res.body).error;
    expect(error.code).toBe('invalid_payload');
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      'allowedOrigins.0',
      'allowedOrigins.1',
      'businessHours.days',
      'businessHours.timeZone',
      'color',
      'locale',
    ]);
    expect((await admin('POST', '/api/admin/sites', { name: 'None', allowedOrigins: [] })).status).toBe(400);
    expect((await admin('PATCH', '/api/admin/sites/site_missing', { name: 'x' })).status).toBe(404);
  });

  it('shows an edit in the public widget config on the next fetch', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const demo = await t.server.store.sites.findDemo();
    const res = await admin('PATCH', `/api/admin/sites/${demo?.id}`, {
      name: 'Demo shop',
      color: '#FF8800',
      position: 'left',
      theme: 'auto',
      greeting: 'Moin!',
      locale: 'de-de',
      preChat: { enabled: true, fields: [{ field: 'email', required: true }] },
      identityVerificationRequired: true,
      businessHours: {
        enabled: true,
        timeZone: 'europe/berlin',
        days: [{ day: 'fri', open: '09:00', close: '13:00' }],
      },
    });
    expect(res.status).toBe(200);
    expect(siteOf(res)).toMatchObject({
      color: '#ff8800',
      locale: 'de-DE',
      businessHours: {
        enabled: true,
        timeZone: 'Europe/Berlin',
        days: [{ day: 'fri', open: '09:00', close: '13:00' }],
      },
      // untouched
      allowedOrigins: demo?.allowedOrigins,
    });
    const config = WidgetConfigSchema.parse(await (await fetch(`${t.url}/api/widget/config/${t.siteKey}`)).json());
    expect(config).toMatchObject({
      siteName: 'Demo shop',
      color: '#ff8800',
      position: 'left',
      theme: 'auto',
      greeting: 'Moin!',
      locale: 'de-DE',
      preChat: { enabled: true, fields: [{ field: 'email', required: true }] },
      identityVerificationRequired: true,
    });
  });

  it('saves the site’s own maximum queue wait: a number, 0 for never, null for the server default', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const demo = await t.server.store.sites.findDemo();
    const path = `/api/admin/sites/${demo?.id}`;
    const initial = SiteListResponseSchema.parse((await admin('GET', '/api/admin/sites')).body).sites.find(
      (s) => s.id === demo?.id,
    );
    expect(initial).toMatchObject({ queueMaxWaitSeconds: null, defaultQueueMaxWaitSeconds: 300 });
    for (const value of [90, 0, null]) {
      const res = await admin('PATCH', path, { queueMaxWaitSeconds: value });
      expect(res.status).toBe(200);
      expect(siteOf(res).queueMaxWaitSeconds).toBe(value);
      expect((await t.server.store.sites.findDemo())?.queueMaxWaitSeconds).toBe(value);
    }
    for (const bad of [-1, 1.5, 86_401, '60']) {
      const res = await admin('PATCH', path, { queueMaxWaitSeconds: bad });
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(res.body).error.issues?.map((i) => i.path)).toEqual(['queueMaxWaitSeconds']);
    }
    expect((await t.server.store.sites.findDemo())?.queueMaxWaitSeconds).toBeNull();
  });

  it('replaces the identity secret on request', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const demo = await t.server.store.sites.findDemo();
    const res = await admin('POST', `/api/admin/sites/${demo?.id}/identity-secret`);
    const site = siteOf(res);
    expect(site.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(site.identitySecret).not.toBe(demo?.identitySecret);
    expect((await t.server.store.sites.findDemo())?.identitySecret).toBe(site.identitySecret);
  });
});
