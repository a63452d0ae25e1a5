/** The REST sign-in client: parsing answers with the shared schemas and wording failures for the agent. */
import { describe, expect, it } from 'vitest';
import { createAuthApi } from '../../src/api/auth-api.ts';
import { createFakeAuthServer } from '../support/fake-auth.ts';
import { AGENT } from '../support/fixtures.ts';

describe('auth api', () => {
  it('returns the agent of a valid session and null without one', async () => {
    const server = createFakeAuthServer({ signedIn: true });
    const auth = createAuthApi(server.fetch);
    expect(await auth.me()).toEqual(AGENT);
    server.signedIn = false;
    expect(await auth.me()).toBeNull();
  });

  it('signs in with normalised credentials and says plainly when they are wrong', async () => {
    const server = createFakeAuthServer({ password: 'pw' });
    const auth = createAuthApi(server.fetch);
    expect(await auth.signIn(' ADA@example.com ', 'nope')).toEqual({
      ok: false,
      message: 'Email or password is incorrect.',
    });
    expect(server.requests.at(-1)?.body).toEqual({ email: 'ada@example.com', password: 'nope' });
    expect(await auth.signIn('ada@example.com', 'pw')).toEqual({ ok: true, agent: AGENT });
  });

  it('catches an impossible email before asking the server', async () => {
    const server = createFakeAuthServer();
    const result = await createAuthApi(server.fetch).signIn('not-an-email', 'pw');
    expect(result).toEqual({ ok: false, message: 'Enter a valid email address.' });
    expect(server.requests).toEqual([]);
  });

  it('shows the issues of an invalid_payload answer', async () => {
    const fetchInvalid: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          error: {
            code: 'invalid_payload',
            message: 'Invalid payload',
            issues: [{ path: 'email', message: 'too long' }],
          },
        }),
        { status: 400 },
      );
    expect(await createAuthApi(fetchInvalid).signIn('a@b.co', 'pw')).toEqual({ ok: false, message: 'email: too long' });
  });

  it('tells the agent when the server cannot be reached', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await createAuthApi(offline).signIn('a@b.co', 'pw');
    expect(result).toEqual({ ok: false, message: 'Could not reach the server. Check your connection and try again.' });
    await expect(createAuthApi(offline).me()).rejects.toThrow('Failed to fetch');
  });
});
