/**
 * Webhooks cannot reach the server's own network: private, loopback, link-local and unique-local
 * addresses are refused when an admin saves a URL, whether written as an address or as a name that
 * resolves to one (every address counts), and again when sending, on every redirect, unless the
 * operator allowed the host or range (WEBHOOK_ALLOWED_HOSTS).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, WebhookDeliveriesResponseSchema, WebhookWithSecretResponseSchema } from '@parley/shared';
import { AddressGuard, type Lookup } from '../src/webhooks/address-guard.ts';
import { parseAllowList, type WebhookAllowList } from '../src/webhooks/webhooks-config.ts';
import { parseConfig } from '../src/config.ts';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { signedInRest } from './support/rest.ts';
import { disconnectAll } from './support/clients.ts';
import { visitorWrites } from './support/workflow.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/** A resolver answering from a table, as DNS would: the guard's own resolver is the system's. */
const table =
  (answers: Record<string, string[]>): Lookup =>
  (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) return Promise.reject(new Error(`getaddrinfo ENOTFOUND ${hostname}`));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

function allowList(value: string): WebhookAllowList {
  const parsed = parseAllowList(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('the address guard', () => {
  const lookup = table({
    'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example.com': ['93.184.215.14', '10.0.0.7'],
    'metadata.example.com': ['169.254.169.254'],
    'inside.example.com': ['fd12:3456::1'],
    'hooks.internal': ['10.1.2.3'],
  });
  const guard = new AddressGuard(allowList(''), lookup);

  it.each([
    'http://127.0.0.1/',
    'http://127.8.9.10:8080/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a00:1]/',
    'http://[2002:7f00:1::]/',
    'http://[64:ff9b::a00:1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://rebind.example.com/',
    'http://metadata.example.com/',
    'http://inside.example.com/',
    'http://hooks.internal/',
  ])('refuses %s', async (url) => {
    await expect(guard.resolve(url)).rejects.toMatchObject({ code: 'url_not_allowed' });
  });

  it('allows a name whose every address is public, and connects to the address it checked', async () => {
    expect(await guard.resolve('https://hooks.example.com/in')).toMatchObject({ address: '93.184.215.14', family: 4 });
    expect(await guard.resolve('http://93.184.215.14/')).toMatchObject({ address: '93.184.215.14' });
  });

  it('refuses other schemes and names that do not resolve', async () => {
    await expect(guard.resolve('ftp://hooks.example.com/')).rejects.toMatchObject({ code: 'url_not_allowed' });
    await expect(guard.resolve('http://nowhere.example.com/')).rejects.toMatchObject({ code: 'url_not_allowed' });
  });

  it('lets the operator allow a host name, an address or a range', async () => {
    const allowed = new AddressGuard(allowList('hooks.internal, 127.0.0.1, fd12:3456::/32'), lookup);
    expect(await allowed.resolve('http://hooks.internal/')).toMatchObject({ address: '10.1.2.3' });
    expect(await allowed.resolve('http://127.0.0.1:9000/')).toMatchObject({ address: '127.0.0.1' });
    expect(await allowed.resolve('http://inside.example.com/')).toMatchObject({ address: 'fd12:3456::1' });
    await expect(allowed.resolve('http://127.0.0.2/')).rejects.toMatchObject({ code: 'url_not_allowed' });
    await expect(allowed.resolve('http://rebind.example.com/')).rejects.toMatchObject({ code: 'url_not_allowed' });
  });

  it('refuses a malformed WEBHOOK_ALLOWED_HOSTS at start', () => {
    expect(() => parseConfig({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(() => parseConfig({ WEBHOOK_ALLOWED_HOSTS: 'not a host!' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(parseConfig({ WEBHOOK_ALLOWED_HOSTS: ' 10.0.0.0/8 , Hooks.Internal ' }).webhooks.allow.hosts).toEqual([
      'hooks.internal',
    ]);
  });
});

describe('a running server', () => {
  let t: TestServer | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
    await receiver?.close();
  });

  it('refuses to save URLs of its own network, by address or by a name resolving to loopback', async () => {
    t = await startTestServer();
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const siteId = (await t.server.store.sites.findDemo())?.id ?? '';
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]/', 'http://10.0.0.8/']) {
      const res = await admin('POST', `/api/admin/sites/${siteId}/webhooks`, { url, events: ['message.created'] });
      expect(res.status).toBe(422);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('url_not_allowed');
    }
    expect(await t.server.store.webhooks.listEndpoints(siteId)).toEqual([]);
  });

  it('checks again when sending, and on every redirect', async () => {
    receiver = await startWebhookReceiver();
    t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const siteId = (await t.server.store.sites.findDemo())?.id ?? '';
    const created = await admin('POST', `/api/admin/sites/${siteId}/webhooks`, {
      url: receiver.url,
      events: ['conversation.created'],
    });
    const { endpoint } = WebhookWithSecretResponseSchema.parse(created.body);
    // the receiver sends webhooks on to the cloud's metadata service
    receiver.answer = { status: 307, location: 'http://169.254.169.254/latest/meta-data/' };
    await visitorWrites(t, 'Hello');
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const list = await admin('GET', `/api/admin/sites/${siteId}/webhooks/${endpoint.id}/deliveries`);
    const [delivery] = WebhookDeliveriesResponseSchema.parse(list.body).deliveries;
    expect(delivery).toMatchObject({ status: 'pending', responseStatus: null });
    expect(delivery?.responseExcerpt).toMatch(/169\.254\.169\.254 is not a public address/);
    expect(receiver.received).toHaveLength(1);
  });

  it('follows an allowed redirect with the same signed request, and gives up on a redirect loop', async () => {
    receiver = await startWebhookReceiver();
    const other = await startWebhookReceiver();
    try {
      t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
      const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
      const siteId = (await t.server.store.sites.findDemo())?.id ?? '';
      await admin('POST', `/api/admin/sites/${siteId}/webhooks`, {
        url: receiver.url,
        events: ['conversation.created'],
      });
      receiver.answer = { status: 308, location: other.url };
      await visitorWrites(t, 'Hello');
      expect(await t.server.webhookTick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(other.received).toHaveLength(1);
      expect(other.received[0]?.body).toBe(receiver.received[0]?.body);
      expect(other.received[0]?.headers['parley-signature']).toBe(receiver.received[0]?.headers['parley-signature']);

      receiver.answer = { status: 302, location: '/hooks/again' };
      await visitorWrites(t, 'Hello again');
      expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      // the first request and three redirects
      expect(receiver.received).toHaveLength(1 + 4);
    } finally {
      await other.close();
    }
  });
});
