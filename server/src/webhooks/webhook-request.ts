/**
 * @module One attempt to deliver a webhook: a POST to the target, its address checked (address-guard.ts)
 * and pinned for the connection, redirects followed by hand (each new location checked the same
 * way, at most MAX_REDIRECTS), the whole attempt bounded in time and the answer read only up to
 * MAX_RESPONSE_BYTES. Node's http client rather than fetch: fetch cannot be told which address to
 * connect to, so the name could resolve elsewhere between the check and the connection.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ParleyError } from '../errors.ts';
import type { AddressGuard, ResolvedTarget } from './address-guard.ts';

export const MAX_REDIRECTS = 3;
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** What is kept of an answer for the console. */
export const EXCERPT_CHARS = 500;

export interface AttemptResult {
  ok: boolean;
  /** The final answer's status, or null when none came. */
  status: number | null;
  /** The start of the answer's body, or why the attempt failed. */
  excerpt: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function postWebhook(input: {
  guard: AddressGuard;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<AttemptResult> {
  const signal = AbortSignal.timeout(input.timeoutMs);
  let url = input.url;
  try {
    for (let redirects = 0; ; redirects++) {
      const target = await input.guard.resolve(url);
      const answer = await post(target, input.headers, input.body, signal);
      const location = answer.headers.location;
      if (REDIRECTS.has(answer.status) && typeof location === 'string') {
        if (redirects >= MAX_REDIRECTS) {
          return { ok: false, status: answer.status, excerpt: `more than ${MAX_REDIRECTS} redirects` };
        }
        // the same signed POST to the new location, which is checked like the first
        url = new URL(location, target.url).toString();
        continue;
      }
      const ok = answer.status >= 200 && answer.status < 300;
      return { ok, status: answer.status, excerpt: answer.body.slice(0, EXCERPT_CHARS) };
    }
  } catch (error) {
    const why =
      error instanceof ParleyError
        ? error.message
        : signal.aborted
          ? `no answer within ${input.timeoutMs} ms`
          : error instanceof Error
            ? error.message
            : String(error);
    return { ok: false, status: null, excerpt: why.slice(0, EXCERPT_CHARS) };
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function post(
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<Answer> {
  // connect to the address that was checked, whatever the name resolves to now
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        signal,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          // enough read: the rest of an endless answer is not waited for
          if (size >= MAX_RESPONSE_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
