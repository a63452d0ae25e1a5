/**
 * @module The one error type Parley code throws on purpose, and the translation of anything else into it.
 */
import { ErrorCode, type ErrorInfo } from '@parley/shared/error-codes';

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorInfo['issues'];
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; issues?: ErrorInfo['issues']; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.issues = options.issues;
    this.retryAfterMs = options.retryAfterMs;
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues && { issues: this.issues }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
    };
  }
}

/** Anything thrown becomes a ParleyError; unknown failures become `internal` with no details on the wire. */
export function toParleyError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  return new ParleyError(ErrorCode.Internal, 'Something went wrong on our side; please try again.', { cause: error });
}

export const notFound = (what: string): ParleyError => new ParleyError(ErrorCode.NotFound, `${what} not found`);
export const forbidden = (why: string): ParleyError => new ParleyError(ErrorCode.Forbidden, why);
