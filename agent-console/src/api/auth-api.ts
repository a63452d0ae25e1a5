/**
 * @module Agent sign-in over REST (the auth routes of the shared table): who am I, sign in, sign out.
 * Requests and responses are checked with the routes' schemas; the session itself is an httpOnly
 * cookie the browser carries, never seen by this code.
 */
import { ErrorBodySchema, ErrorCode, restRoutes, summarizeIssues, type Agent } from '@parley/shared';

export type SignInResult = { ok: true; agent: Agent } | { ok: false; message: string };

export interface AuthApi {
  /** The signed-in agent, or null when there is no valid session. Rejects when the server cannot be reached. */
  me(): Promise<Agent | null>;
  signIn(email: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
}

const UNREACHABLE = 'Could not reach the server. Check your connection and try again.';
const { login, me, logout } = restRoutes.auth;

export function createAuthApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): AuthApi {
  const post = (path: string, body?: unknown): Promise<Response> =>
    fetchImpl(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });

  return {
    async me() {
      const response = await fetchImpl(me.path, { credentials: 'same-origin' });
      if (response.status === 401) return null;
      if (!response.ok) throw new Error(`${me.method} ${me.path} answered ${response.status}`);
      return me.response.parse(await response.json()).agent;
    },

    async signIn(email, password) {
      // the same schema the server applies, so an obvious typo is caught without a round trip
      const request = login.request.safeParse({ email, password });
      if (!request.success) {
        const badEmail = request.error.issues.some((issue) => issue.path[0] === 'email');
        return { ok: false, message: badEmail ? 'Enter a valid email address.' : 'Enter your password.' };
      }
      let response: Response;
      try {
        response = await post(login.path, request.data);
      } catch {
        return { ok: false, message: UNREACHABLE };
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        const parsed = login.response.safeParse(body);
        return parsed.success
          ? { ok: true, agent: parsed.data.agent }
          : { ok: false, message: 'The server sent an unexpected answer. Please try again.' };
      }
      return { ok: false, message: describeFailure(response.status, body) };
    },

    async signOut() {
      const response = await post(logout.path);
      if (!response.ok) throw new Error(`${logout.method} ${logout.path} answered ${response.status}`);
    },
  };
}

function describeFailure(status: number, body: unknown): string {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return `Sign-in failed (HTTP ${status}). Please try again.`;
  const { code, message, issues } = parsed.data.error;
  if (code === ErrorCode.Unauthorized) return 'Email or password is incorrect.';
  if (code === ErrorCode.RateLimited) return 'Too many attempts. Wait a moment and try again.';
  if (code === ErrorCode.InvalidPayload && issues && issues.length > 0) return summarizeIssues(issues);
  return message;
}
