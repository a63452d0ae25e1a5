/**
 * The REST surface: health, sign-in, the public widget config with its CORS rule, the demo page,
 * and the one error body every endpoint answers.
 */
import { describe, expect, it } from 'vitest';
import { AgentResponseSchema, ErrorBodySchema, WidgetConfigSchema } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { login } from './support/clients.ts';
import { wallClock } from '../src/domain/business-hours.ts';

const t = useTestServer();

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('http api', () => {
  it('answers /healthz when storage answers', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('signs an agent in with an httpOnly cookie and tells who it is', async () => {
    const res = await post(
      `${t.url}/api/auth/login`,
      JSON.stringify({ email: 'Admin@Example.com ', password: ADMIN.password }),
    );
    expect(res.status).toBe(200);
    const body = AgentResponseSchema.parse(await res.json());
    expect(body.agent).toMatchObject({ email: ADMIN.email, role: 'admin', capacity: 3 });
    expect(JSON.stringify(body)).not.toContain('password');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
    expect(AgentResponseSchema.parse(await me.json()).agent.email).toBe(ADMIN.email);
  });

  it('refuses a wrong password or unknown email with the same answer', async () => {
    const wrong = await post(`${t.url}/api/auth/login`, JSON.stringify({ email: ADMIN.email, password: 'nope' }));
    const unknown = await post(
      `${t.url}/api/auth/login`,
      JSON.stringify({ email: 'who@example.com', password: 'nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await fetch(`${t.url}/api/auth/me`)).status).toBe(401);
  });

  it('answers invalid_payload for bad JSON and wrong shapes, payload_too_large for oversized bodies', async () => {
    for (const body of ['{not json', JSON.stringify({ email: 42 })]) {
      const res = await post(`${t.url}/api/auth/login`, body);
      expect(res.status).toBe(400);
      const parsed = ErrorBodySchema.parse(await res.json());
      expect(parsed.error.code).toBe('invalid_payload');
      expect(parsed.error.message).not.toMatch(/at .*\.ts/); // no stack on the wire
    }
    const res = await post(`${t.url}/api/auth/login`, JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(40_000) }));
    expect(res.status).toBe(413);
    expect(ErrorBodySchema.parse(await res.json()).error).toEqual({
      code: 'payload_too_large',
      message: 'Request body is too large',
    });
  });

  it('serves the widget config, readable cross-origin only from the site’s own origins', async () => {
    const ok = await fetch(`${t.url}/api/widget/config/${t.siteKey}`, { headers: { origin: t.origin } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(t.origin);
    expect(WidgetConfigSchema.parse(await ok.json())).toMatchObject({ siteKey: t.siteKey, siteName: 'Demo' });

    const foreign = await fetch(`${t.url}/api/widget/config/${t.siteKey}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const missing = await fetch(`${t.url}/api/widget/config/pk_missing`);
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(await missing.json()).error.code).toBe('unknown_site');
  });

  it('tells the widget its language, pre-chat questions, team and whether identify needs proof', async () => {
    const fresh = WidgetConfigSchema.parse(await (await fetch(`${t.url}/api/widget/config/${t.siteKey}`)).json());
    expect(fresh).toMatchObject({
      locale: null,
      preChat: { enabled: false, fields: [] },
      team: [{ name: 'Admin', avatarUrl: null }],
      identityVerificationRequired: false,
    });
    const site = await t.server.store.sites.findByKey(t.siteKey);
    const preChat = {
      enabled: true,
      fields: [
        { field: 'name' as const, required: false },
        { field: 'email' as const, required: true },
      ],
    };
    await t.server.store.sites.updateSettings(site?.id ?? '', {
      locale: 'de',
      preChat,
      identityVerificationRequired: true,
    });
    for (const name of ['Ann', 'Bob', 'Cy', 'Di', 'Ed']) await t.createAgent({ name });
    const res = await fetch(`${t.url}/api/widget/config/${t.siteKey}`);
    const config = WidgetConfigSchema.parse(await res.json());
    expect(config).toMatchObject({ locale: 'de', preChat, identityVerificationRequired: true });
    // Five at most, longest-standing first (agents created in the same millisecond may come in either order).
    expect(config.team).toHaveLength(5);
    expect(config.team[0]?.name).toBe('Admin');
    for (const member of config.team) expect(['Admin', 'Ann', 'Bob', 'Cy', 'Di', 'Ed']).toContain(member.name);
    // The secret itself never reaches a browser.
    expect(JSON.stringify(config)).not.toContain(site?.identitySecret ?? 'no secret');
  });

  it('says whether the site is within its business hours right now', async () => {
    const site = await t.server.store.sites.findByKey(t.siteKey);
    const fetchConfig = async () =>
      WidgetConfigSchema.parse(await (await fetch(`${t.url}/api/widget/config/${t.siteKey}`)).json());
    expect((await fetchConfig()).withinBusinessHours).toBe(true);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    // open all day every day, then closed on every day: both sides of the answer, whatever the clock says
    const allDay = days.map((day) => ({ day, open: '00:00', close: '23:59' }));
    await t.server.store.sites.updateSettings(site?.id ?? '', {
      businessHours: { enabled: true, timeZone: 'UTC', days: [] },
    });
    expect((await fetchConfig()).withinBusinessHours).toBe(false);
    // a zone where it is not just before midnight now, so an all-day span surely includes this minute
    const timeZone =
      ['Etc/GMT', 'Etc/GMT-6', 'Etc/GMT+6'].find((zone) => wallClock(zone, new Date()).time < '23:00') ?? 'UTC';
    await t.server.store.sites.updateSettings(site?.id ?? '', {
      businessHours: { enabled: true, timeZone, days: allDay },
    });
    expect((await fetchConfig()).withinBusinessHours).toBe(true);
  });

  it('serves a demo page that embeds the widget with the site owner’s snippet', async () => {
    const res = await fetch(`${t.url}/`);
    const html = await res.text();
    expect(html).toContain(`<script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`);
    expect(html).toContain(`${t.url}/console/`);
  });

  it('answers unknown API paths with a JSON not_found', async () => {
    const res = await fetch(`${t.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('not_found');
  });
});
