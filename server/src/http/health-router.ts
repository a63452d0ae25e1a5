/**
 * @module Liveness for load balancers: 200 only when storage answers.
 */
import { Router } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/types.ts';

export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
    } catch (error) {
      throw new ParleyError(ErrorCode.Unavailable, 'Storage does not answer', { cause: error });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  return router;
}
