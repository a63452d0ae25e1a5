/**
 * @module REST input validation with the shared schemas, and the JSON error body every endpoint answers.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ErrorCode, type ErrorInfo } from '@parley/shared/error-codes';
import { describeIssues, summarizeIssues } from '@parley/shared';
import { ParleyError, toParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { loggerFor } from './request-log.ts';
import { MALFORMED_URL } from './malformed-url.ts';

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw new ParleyError(ErrorCode.InvalidPayload, summarizeIssues(issues), { issues });
}

const statusOf: Record<ErrorInfo['code'], number> = {
  invalid_payload: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_site: 404,
  origin_not_allowed: 403,
  conversation_closed: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  file_too_large: 413,
  file_type_not_allowed: 415,
  uploads_not_allowed: 403,
  attachment_not_linkable: 409,
  file_infected: 422,
  scan_unavailable: 503,
  invalid_answer: 422,
  already_answered: 409,
  not_your_message: 403,
  edit_window_passed: 403,
  message_deleted: 409,
  // outbound webhooks (issue 21)
  url_not_allowed: 422,
};

export function sendError(res: Response, error: ParleyError): void {
  // whole seconds, rounded up: a client that waits exactly this long is let in
  if (error.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  res.status(statusOf[error.code]).json({ error: error.toInfo() });
}

/**
 * What a client's own failure that did not come from our code is about: body-parser marks its
 * errors with a `type` (entity.parse.failed, entity.too.large, …); a URIError is a path that does
 * not decode (a router decoding a parameter).
 */
function clientFailureMessage(error: object, status: number): string {
  if (error instanceof URIError) return MALFORMED_URL;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : '';
  if (status === 413) return 'Request body is too large';
  if (type === 'entity.parse.failed') return 'Request body is not valid JSON';
  if (type.startsWith('entity.') || type.startsWith('encoding.') || type.startsWith('charset.')) {
    return 'Request body cannot be read';
  }
  return /decode/i.test(error instanceof Error ? error.message : '') ? MALFORMED_URL : 'Bad request';
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // body-parser's and the router's own failures (bad JSON, too large, undecodable path) are the client's, not ours.
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    const parleyError =
      status >= 400 && status < 500 && typeof error === 'object' && error !== null && !(error instanceof ParleyError)
        ? new ParleyError(
            status === 413 ? ErrorCode.PayloadTooLarge : ErrorCode.InvalidPayload,
            clientFailureMessage(error, status),
          )
        : toParleyError(error);
    if (parleyError.code === ErrorCode.Internal)
      loggerFor(req, logger).error('request failed', { method: req.method, path: req.path, error });
    if (res.headersSent) return;
    sendError(res, parleyError);
  };
}
