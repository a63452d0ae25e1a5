/**
 * @module A webhook receiver for tests: an HTTP server on port 0 that records every request (headers
 * and the raw body) and answers what the test tells it to (200 by default; a status, or a redirect).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** What the next requests are answered: a status, or a redirect to a location. */
  answer: { status: number; location?: string; body?: string };
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = {
    received,
    answer: { status: 200 } as WebhookReceiver['answer'],
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status, location, body } = receiver.answer;
      res.writeHead(status, location ? { location } : { 'content-type': 'text/plain' });
      res.end(body ?? (status < 300 ? 'thanks' : 'nope'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
