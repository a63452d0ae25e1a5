/**
 * @module Reading Parley error shapes out of values of unknown type: a handshake rejection's
 * `err.data`, a REST error body, an ack's error.
 */
// Codes are written as their string values (typed against ErrorCode's union, so a typo does not
// compile) rather than read from the ErrorCode object: the object would put every code into the
// widget's first-visit bundle.
import type { ErrorCode, ErrorInfo } from '@parley/shared/error-codes';
import { isRecord, isString } from './stored-shapes.ts';

/**
 * `{ code, message }` (and a rate limit's `retryAfterMs`) when `value` is one, else null. A code this
 * build does not know (a newer server's) is kept: it matches none of the codes the widget acts on.
 */
export function readErrorInfo(value: unknown): ErrorInfo | null {
  if (!isRecord(value) || !isString(value.code)) return null;
  const code = value.code as ErrorCode;
  const info: ErrorInfo = { code, message: isString(value.message) ? value.message : code };
  if (typeof value.retryAfterMs === 'number' && value.retryAfterMs >= 0) info.retryAfterMs = value.retryAfterMs;
  return info;
}

/** A REST error body `{ error: { code, message } }`. */
export function readErrorBody(value: unknown): ErrorInfo | null {
  return isRecord(value) ? readErrorInfo(value.error) : null;
}

/** Refusals no retry can fix: the page is not allowed to use this site's chat. */
export function isPermanentRefusal(error: ErrorInfo | null): boolean {
  return (
    error !== null &&
    (error.code === 'origin_not_allowed' || error.code === 'unknown_site' || error.code === 'forbidden')
  );
}
