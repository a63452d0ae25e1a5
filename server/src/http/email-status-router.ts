/**
 * @module GET /api/email/status for signed-in agents: whether mail can go out (SMTP_URL) and come
 * in (webhook secret, SMTP listener), and what waits in the outbox, so the console can say plainly
 * when email is not configured.
 */
import { Router } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { restRoutes } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import { sessionTokenOf } from './auth-router.ts';
import { handle } from './rest-route.ts';

export function emailStatusRouter(deps: {
  store: Store;
  auth: AgentAuth;
  status: () => { outboundConfigured: boolean; webhook: boolean; smtp: boolean; domain: string };
}): Router {
  const router = Router();
  handle(router, restRoutes.email.status, async (_input, req, res) => {
    const agent = await deps.auth.authenticate(sessionTokenOf(req));
    if (!agent) throw new ParleyError(ErrorCode.Unauthorized, 'Not signed in');
    const counts = await deps.store.outbox.counts();
    const now = deps.status();
    res.setHeader('Cache-Control', 'no-store');
    return {
      outbound: { configured: now.outboundConfigured, pending: counts.pending + counts.sending, failed: counts.failed },
      inbound: { webhook: now.webhook, smtp: now.smtp, domain: now.domain },
    };
  });
  return router;
}
