/**
 * The public REST endpoints nobody signs in for are limited per address: the widget config (read
 * cross-origin by every page view) and the inbound-email webhook (counted before its secret is
 * checked, so the secret cannot be guessed at speed). A limited request answers 429 with
 * Retry-After and `{ error: { code: 'rate_limited', message, retryAfterMs } }`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@parley/shared';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function limited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const { error } = ErrorBodySchema.parse(await res.json());
  expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
}

describe('REST limits', () => {
  it('limits widget config requests per address, and the refusal is readable by any page', async () => {
    t = await startTestServer({ env: { RATE_LIMIT_WIDGET_CONFIG_PER_ADDRESS: '3/1m' } });
    const server = t;
    const config = () =>
      fetch(`${server.url}/api/widget/config/${server.siteKey}`, { headers: { origin: 'https://elsewhere.example' } });
    for (let i = 0; i < 3; i += 1) expect((await config()).status).toBe(200);
    const refused = await config();
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    await limited(refused);
  });

  it('limits the inbound email webhook per address before looking at its secret', async () => {
    t = await startTestServer({
      env: {
        INBOUND_EMAIL_SECRET: 'inbound-secret-for-tests-0123456789',
        RATE_LIMIT_INBOUND_EMAIL_PER_ADDRESS: '2/1m',
      },
    });
    const post = (secret: string) =>
      fetch(`${t?.url}/api/inbound/email`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
        body: 'not even an email',
      });
    expect((await post('guess-one')).status).toBe(401);
    expect((await post('guess-two')).status).toBe(401);
    await limited(await post('inbound-secret-for-tests-0123456789'));
  });
});
