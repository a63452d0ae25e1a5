/**
 * Canned responses over REST: every agent manages their own and reads the shared set; only admins
 * change the shared set; nobody touches another agent's.
 */
import { describe, expect, it } from 'vitest';
import { CannedResponseListSchema, CannedResponseResponseSchema, ErrorBodySchema } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { signedInRest } from './support/rest.ts';

const t = useTestServer();

const responseOf = (res: { body: unknown }) => CannedResponseResponseSchema.parse(res.body).cannedResponse;
const listOf = (res: { body: unknown }) =>
  CannedResponseListSchema.parse(res.body).cannedResponses.map((r) => `${r.scope}:/${r.shortcut}=${r.body}`);

describe('canned responses', () => {
  it('gives each agent the shared set and their own, and keeps personal ones private', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const annRecord = await t.createAgent({ name: 'Ann' });
    const bobRecord = await t.createAgent({ name: 'Bob' });
    const ann = await signedInRest(t.url, annRecord.email, annRecord.password);
    const bob = await signedInRest(t.url, bobRecord.email, bobRecord.password);

    expect(
      (await admin('POST', '/api/admin/canned-responses', { shortcut: 'Thanks', body: 'Thanks for waiting!' })).status,
    ).toBe(201);
    const mine = responseOf(await ann('POST', '/api/canned-responses', { shortcut: 'sig', body: '— Ann' }));
    expect(mine).toMatchObject({ scope: 'personal', shortcut: 'sig' });
    await bob('POST', '/api/canned-responses', { shortcut: 'sig', body: '— Bob' });

    expect(listOf(await ann('GET', '/api/canned-responses'))).toEqual([
      'shared:/thanks=Thanks for waiting!',
      'personal:/sig=— Ann',
    ]);
    expect(listOf(await bob('GET', '/api/canned-responses'))).toEqual([
      'shared:/thanks=Thanks for waiting!',
      'personal:/sig=— Bob',
    ]);
    expect(listOf(await admin('GET', '/api/admin/canned-responses'))).toEqual(['shared:/thanks=Thanks for waiting!']);

    // Bob cannot see, change or delete Ann's: it answers like a missing one.
    for (const [method, body] of [
      ['PATCH', { shortcut: 'sig', body: 'hacked' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await bob(method, `/api/canned-responses/${mine.id}`, body);
      expect(res.status).toBe(404);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('not_found');
    }
    // Nor can Ann change a shared one through her personal routes.
    const shared = CannedResponseListSchema.parse((await ann('GET', '/api/canned-responses')).body).cannedResponses[0];
    expect((await ann('PATCH', `/api/canned-responses/${shared?.id}`, { shortcut: 'thanks', body: 'x' })).status).toBe(
      404,
    );

    const edited = responseOf(
      await ann('PATCH', `/api/canned-responses/${mine.id}`, { shortcut: 'sign', body: '— Ann, Parley' }),
    );
    expect(edited).toMatchObject({ shortcut: 'sign', body: '— Ann, Parley' });
    expect((await ann('DELETE', `/api/canned-responses/${mine.id}`)).status).toBe(204);
    expect(listOf(await ann('GET', '/api/canned-responses'))).toEqual(['shared:/thanks=Thanks for waiting!']);
  });

  it('refuses a taken shortcut and malformed ones', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    await admin('POST', '/api/admin/canned-responses', { shortcut: 'hi', body: 'Hello!' });
    const taken = await admin('POST', '/api/admin/canned-responses', { shortcut: 'HI', body: 'Hey' });
    expect(taken.status).toBe(409);
    expect(ErrorBodySchema.parse(taken.body).error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('/hi'),
    });
    // The admin's personal set is separate from the shared one.
    expect((await admin('POST', '/api/canned-responses', { shortcut: 'hi', body: 'Hey' })).status).toBe(201);
    for (const body of [
      { shortcut: '/hi', body: 'x' },
      { shortcut: 'two words', body: 'x' },
      { shortcut: 'ok', body: '   ' },
      {},
    ]) {
      const res = await admin('POST', '/api/canned-responses', body);
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('invalid_payload');
    }
  });
});
