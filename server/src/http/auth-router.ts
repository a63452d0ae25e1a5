/**
 * @module Agent sign-in over REST: sets and clears the httpOnly session cookie the /agent handshake reads.
 */
import { Router, type Request } from 'express';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import { ErrorCode, SESSION_COOKIE } from '@parley/shared/error-codes';
import { restRoutes } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import { handle } from './rest-route.ts';
import { toPublicAgent } from './public-agent.ts';
import { refuseForeignOrigin } from './agent-session.ts';
import { requestAddress } from '../limits/client-address.ts';

export const sessionTokenOf = (req: Request): string | undefined =>
  parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];

export function authRouter(
  auth: AgentAuth,
  options: { secureCookies: () => boolean; consoleOrigins: () => string[] },
): Router {
  const router = Router();

  handle(router, restRoutes.auth.login, async ({ body: { email, password } }, req, res) => {
    // a foreign page must not sign the browser in to an account of its choosing either
    refuseForeignOrigin(req, options.consoleOrigins);
    // the address express computed with TRUST_PROXY: the sign-in limits count per address
    const { agent, token, expiresAt } = await auth.login(email, password, requestAddress(req));
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies(),
        path: '/',
        expires: expiresAt,
      }),
    );
    return { agent: toPublicAgent(agent) };
  });

  handle(router, restRoutes.auth.me, async (_input, req) => {
    const agent = await auth.authenticate(sessionTokenOf(req));
    if (!agent) throw new ParleyError(ErrorCode.Unauthorized, 'Not signed in');
    return { agent: toPublicAgent(agent) };
  });

  handle(router, restRoutes.auth.logout, async (_input, req, res) => {
    // a foreign page must not end the agent's session (and close their console)
    refuseForeignOrigin(req, options.consoleOrigins);
    await auth.logout(sessionTokenOf(req));
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, '', {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies(),
        path: '/',
        maxAge: 0,
      }),
    );
    res.status(204).end();
  });

  return router;
}
