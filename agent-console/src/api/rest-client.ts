/**
 * @module JSON over fetch for the console's REST endpoints, called by route of the shared table
 * (@parley/shared rest-routes.ts): the path filled in from the route, the body checked with the route's
 * request schema before it leaves, the answer parsed with its response schema when it arrives, and every
 * failure turned into an ApiError carrying the server's `{ code, message, issues }`.
 */
import {
  ErrorBodySchema,
  ErrorCode,
  describeIssues,
  fillPath,
  summarizeIssues,
  type ErrorInfo,
  type PathParamNames,
  type RestRoute,
} from '@parley/shared';
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

/** The values of the route's `:name`s, the query string, and the body its request schema takes. */
export type CallInput<R extends RestRoute> = ([PathParamNames<R['path']>] extends [never]
  ? { params?: never }
  : { params: Record<PathParamNames<R['path']>, string> }) &
  (R extends { request: infer Q extends z.ZodType } ? { body: z.input<Q> } : { body?: never }) & {
    query?: URLSearchParams;
  };

/** What the route answers once parsed; undefined for a route without a response schema (204). */
export type CallAnswer<R extends RestRoute> = R extends { response: infer A extends z.ZodType }
  ? z.output<A>
  : undefined;

export interface RestClient {
  /** The body is parsed with the route's request schema first: an invalid one is refused here as the server would. */
  call<R extends RestRoute>(
    route: R,
    ...input: object extends CallInput<R> ? [CallInput<R>?] : [CallInput<R>]
  ): Promise<CallAnswer<R>>;
}

interface LooseInput {
  params?: Readonly<Record<string, string>>;
  query?: URLSearchParams;
  body?: unknown;
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

  async function call(route: RestRoute, { params = {}, query, body }: LooseInput): Promise<unknown> {
    if (route.request !== undefined) {
      const checked = route.request.safeParse(body);
      if (!checked.success) {
        const issues = describeIssues(checked.error);
        throw new ApiError(ErrorCode.InvalidPayload, summarizeIssues(issues), issues);
      }
      // the input, not the parsed output, is sent: the server parses (and normalises) it again itself
    }
    const search = query?.toString() ?? '';
    const json = await exchange(route.method, fillPath(route.path, params) + (search === '' ? '' : `?${search}`), body);
    return route.response === undefined ? undefined : parseAnswer(route.response, json);
  }

  return {
    // the answer was parsed with the route's own response schema, whose output CallAnswer names
    call: async (route, ...[input]) => (await call(route, input ?? {})) as never,
  };
}
