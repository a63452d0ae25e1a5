/**
 * @module The one error type Parley code throws on purpose, and the translation of anything else into it.
 */
import { ErrorCode, type ErrorInfo } from '@parley/shared/error-codes';

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorInfo['issues'];

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; issues?: ErrorInfo['issues'] } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.issues = options.issues;
  }

  toInfo(): ErrorInfo {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** Anything thrown becomes a ParleyError; unknown failures become `internal` with no details on the wire. */
export function toParleyError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  return new ParleyError(ErrorCode.Internal, 'Something went wrong on our side; please try again.', { cause: error });
}

export const notFound = (what: string): ParleyError => new ParleyError(ErrorCode.NotFound, `${what} not found`);
export const forbidden = (why: string): ParleyError => new ParleyError(ErrorCode.Forbidden, why);
