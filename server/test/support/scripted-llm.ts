/**
 * @module An OpenAI-compatible chat-completions server for tests (no model runs on these machines):
 * listens on port 0, answers each POST /v1/chat/completions with the next scripted reply (a stream of
 * text pieces as SSE chunks, raw SSE text, an HTTP error, or no answer at all) and records every
 * request, so a test can read the prompt the bot sent. An unscripted request fails the test loudly.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

export type ScriptedReply =
  /** Each piece as one `choices[0].delta.content` chunk, `gapMs` apart, then finish_reason and [DONE]. */
  | { stream: string[]; gapMs?: number; toolCall?: boolean; hold?: { after: number; until: Promise<unknown> } }
  /** Written as is (malformed streams). */
  | { raw: string[] }
  | { status: number; body?: string }
  /** Sends the headers and then nothing: the bot's time limit has to end it. */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    stream: boolean;
    max_tokens: number;
    messages: Array<{ role: string; content: string }>;
  };
}

export interface ScriptedLlm {
  /** LLM_BASE_URL for the server under test. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies for the next requests, in order. */
  script(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'scripted',
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;

export async function startScriptedLlm(): Promise<ScriptedLlm> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    void (async () => {
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(parts).toString('utf8')) as RecordedRequest['body'],
      });
      const reply = queue.shift();
      if (!reply || req.url !== '/v1/chat/completions') {
        res.writeHead(599).end('no scripted reply');
        return;
      }
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '{"error":"scripted"}');
        return;
      }
      open.add(res);
      res.on('close', () => open.delete(res));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if ('hang' in reply) return;
      if ('raw' in reply) {
        for (const text of reply.raw) res.write(text);
        res.end();
        return;
      }
      res.write(chunk({ role: 'assistant', content: '' }));
      if (reply.toolCall) {
        // what a model tricked by an article might send: the bot offers no tools and must run none
        res.write(
          chunk({
            tool_calls: [
              { index: 0, id: 'call_1', type: 'function', function: { name: 'close_conversation', arguments: '{}' } },
            ],
          }),
        );
      }
      for (const [index, piece] of reply.stream.entries()) {
        // the test looks at the answer half written before letting the rest come
        if (reply.hold && index === reply.hold.after) await reply.hold.until;
        if (res.destroyed) return;
        res.write(chunk({ content: piece }));
        if (reply.gapMs) await new Promise((resolve) => setTimeout(resolve, reply.gapMs));
      }
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
