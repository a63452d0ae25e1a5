/**
 * @module Idempotency-Key on /api/v1 writes: the first request with a key runs and its successful
 * answer is stored in the database (so it holds across processes and restarts); a repeat with the
 * same key and the same request gets that answer again, marked `Idempotent-Replayed: true`. A
 * failed first request frees the key. Answers are kept for a day.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import { apiTokenOf } from './api-auth.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEPT_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function idempotentWrites(deps: { store: Store; now: () => Date }): RequestHandler {
  const { store } = deps;
  let lastCleanup = 0;
  const cleanUp = (now: Date) => {
    // at most hourly per process, off the request's path
    if (now.getTime() - lastCleanup < 3600_000) return;
    lastCleanup = now.getTime();
    void store.idempotency.deleteBefore(new Date(now.getTime() - KEPT_MS).toISOString()).catch(() => undefined);
  };

  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (req.method === 'GET' || req.method === 'HEAD' || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ParleyError(ErrorCode.InvalidPayload, `${IDEMPOTENCY_HEADER}: 1 to 255 visible ASCII characters`);
    }
    const token = apiTokenOf(req);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const now = deps.now();
    cleanUp(now);
    if (!(await store.idempotency.claim(token.id, key, requestHash, now.toISOString()))) {
      const earlier = await store.idempotency.find(token.id, key);
      if (earlier && earlier.requestHash !== requestHash) {
        throw new ParleyError(ErrorCode.Conflict, `This ${IDEMPOTENCY_HEADER} was used for a different request`);
      }
      if (!earlier?.answer) {
        throw new ParleyError(ErrorCode.Conflict, `A request with this ${IDEMPOTENCY_HEADER} is still running`, {
          retryAfterMs: 1000,
        });
      }
      res.status(earlier.answer.status).setHeader('Idempotent-Replayed', 'true');
      res.type('application/json').send(earlier.answer.body);
      return;
    }
    rememberAnswer(res, (answer) =>
      answer.status < 300
        ? store.idempotency.complete(token.id, key, answer)
        : store.idempotency.release(token.id, key),
    );
    // a request that ends without a JSON answer (the client went away, a crash) frees the key
    res.on('close', () => {
      if (!res.writableFinished) void store.idempotency.release(token.id, key).catch(() => undefined);
    });
    next();
  };
}

/** Stores the JSON answer before it is sent: a retry that comes after the answer must find it. */
function rememberAnswer(res: Response, store: (answer: { status: number; body: string }) => Promise<void>): void {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    const answer = { status: res.statusCode, body: JSON.stringify(body) };
    void store(answer).then(
      () => send(body),
      () => send(body),
    );
    return res;
  };
}
