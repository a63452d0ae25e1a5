/**
 * @module Turns a Socket.IO ack into data or a RequestError, checking the data with a shared schema.
 */
import { ErrorBodySchema, ErrorCode } from '@parley/shared';
import { RequestError } from './agent-channel.ts';

/** What the channel needs of a zod schema; spelled out because zod is a dependency of @parley/shared, not ours. */
export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: Error };
}

/** Unwraps `{ok, data | error}`; a missing answer becomes a RequestError with no code, i.e. worth retrying. */
export async function answer<T>(pending: Promise<unknown>, parser: Parser<T>): Promise<T> {
  let response: unknown;
  try {
    response = await pending;
  } catch {
    throw new RequestError(null, 'The server did not answer in time.');
  }
  if (typeof response === 'object' && response !== null && 'ok' in response) {
    if (response.ok === true && 'data' in response) {
      const parsed = parser.safeParse(response.data);
      if (parsed.success) return parsed.data;
    } else if (response.ok === false) {
      const failure = ErrorBodySchema.safeParse(response);
      if (failure.success) throw new RequestError(failure.data.error.code, failure.data.error.message);
    }
  }
  throw new RequestError(ErrorCode.Internal, 'The server sent an answer the console does not understand.');
}
