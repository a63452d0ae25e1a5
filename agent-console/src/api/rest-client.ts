/**
 * @module JSON over fetch for the console's REST endpoints: request bodies checked with the shared schema
 * before they leave, answers parsed with the shared schema when they arrive, and every failure turned
 * into an ApiError carrying the server's `{ code, message, issues }`.
 */
import { ErrorBodySchema, ErrorCode, describeIssues, summarizeIssues, type ErrorInfo } from '@parley/shared';
import type { z } from 'zod';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: NonNullable<ErrorInfo['issues']>;

  constructor(code: ErrorCode, message: string, issues: ErrorInfo['issues'] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  /** The message for one field (path as the server names it, e.g. `allowedOrigins.0`), if any. */
  issueAt(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RestClient {
  get<R extends z.ZodType>(path: string, answer: R): Promise<z.output<R>>;
  /** `body` is parsed with `request` first; an invalid one is refused here as the server would. */
  send<Q extends z.ZodType, R extends z.ZodType>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    request: Q | null,
    body: z.input<Q> | undefined,
    answer: R | null,
  ): Promise<R extends z.ZodType ? z.output<R> : undefined>;
}

const UNREACHABLE = 'Could not reach the server. Check your connection and try again.';

export function createRestClient(fetchImpl: FetchLike = (input, init) => fetch(input, init)): RestClient {
  async function exchange(method: string, path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(ErrorCode.Unavailable, UNREACHABLE);
    }
    if (response.status === 204) return undefined;
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return json;
    const error = ErrorBodySchema.safeParse(json);
    if (!error.success)
      throw new ApiError(ErrorCode.Internal, `The server answered ${response.status}. Please try again.`);
    throw new ApiError(error.data.error.code, error.data.error.message, error.data.error.issues);
  }

  function parseAnswer<R extends z.ZodType>(answer: R, json: unknown): z.output<R> {
    const parsed = answer.safeParse(json);
    if (!parsed.success)
      throw new ApiError(ErrorCode.Internal, 'The server sent an unexpected answer. Please reload the page.');
    return parsed.data;
  }

  return {
    async get(path, answer) {
      return parseAnswer(answer, await exchange('GET', path, undefined));
    },
    async send(method, path, request, body, answer) {
      let payload: unknown = body;
      if (request !== null) {
        const checked = request.safeParse(body);
        if (!checked.success) {
          const issues = describeIssues(checked.error);
          throw new ApiError(ErrorCode.InvalidPayload, summarizeIssues(issues), issues);
        }
        // the input, not the parsed output: the server parses (and normalises) it again itself
        payload = body;
      }
      const json = await exchange(method, path, payload);
      return (answer === null ? undefined : parseAnswer(answer, json)) as never;
    },
  };
}
