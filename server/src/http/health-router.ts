/**
 * @module Probes for load balancers and Prometheus: /healthz (the process is alive and storage
 * answers), /readyz (every readiness check passes: storage, migrations, and any added later such
 * as Redis) and /metrics (Prometheus text format).
 */
import { Router } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Readiness } from '../ops/readiness.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Logger } from '../logger.ts';

export function healthRouter(deps: { store: Store; readiness: Readiness; metrics: Metrics; logger: Logger }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await deps.store.ping();
    } catch (error) {
      throw new ParleyError(ErrorCode.Unavailable, 'Storage does not answer', { cause: error });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const { ready, checks } = await deps.readiness.run();
    res.setHeader('Cache-Control', 'no-store');
    // only names and ok on the wire: a driver's error text can name hosts and files
    const summary = Object.fromEntries(
      Object.entries(checks).map(([name, outcome]) => [name, outcome.ok ? 'ok' : 'failing']),
    );
    if (ready) {
      res.json({ status: 'ready', checks: summary });
      return;
    }
    const failing = Object.entries(checks).filter(([, outcome]) => !outcome.ok);
    deps.logger.warn('not ready', {
      failing: Object.fromEntries(failing.map(([name, outcome]) => [name, outcome.error])),
    });
    const message = `Not ready: ${failing.map(([name]) => name).join(', ')}`;
    res.status(503).json({ error: { code: ErrorCode.Unavailable, message }, checks: summary });
  });

  router.get('/metrics', async (_req, res) => {
    const { contentType, body } = await deps.metrics.render();
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  });
  return router;
}
