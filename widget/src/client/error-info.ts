/**
 * @module Reading Parley error shapes out of values of unknown type: a handshake rejection's
 * `err.data`, a REST error body, an ack's error.
 */
import { ErrorCode, type ErrorInfo } from '@parley/shared/error-codes';
import { isRecord, isString } from './stored-shapes.ts';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isErrorCode(value: unknown): value is ErrorCode {
  return isString(value) && KNOWN_CODES.has(value);
}

/** `{ code, message }` (and a rate limit's `retryAfterMs`) when `value` is one, else null. */
export function readErrorInfo(value: unknown): ErrorInfo | null {
  if (!isRecord(value) || !isErrorCode(value.code)) return null;
  const info: ErrorInfo = { code: value.code, message: isString(value.message) ? value.message : value.code };
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
    (error.code === ErrorCode.OriginNotAllowed ||
      error.code === ErrorCode.UnknownSite ||
      error.code === ErrorCode.Forbidden)
  );
}
