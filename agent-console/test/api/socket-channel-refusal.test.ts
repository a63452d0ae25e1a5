// @vitest-environment node
/**
 * The console's socket after a refused handshake, against a real Socket.IO server: a rate_limited
 * refusal (too many connections from this address) is tried again after the retryAfterMs it
 * names, not the fixed wait other refusals get, and the channel comes back connected.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { createSocketChannel } from '../../src/api/socket-channel.ts';
import type { AgentChannel } from '../../src/api/agent-channel.ts';

const WAIT_MS = 300;
let httpServer: http.Server;
let io: Server;
let channel: AgentChannel | undefined;
const handshakes: number[] = [];

beforeEach(async () => {
  handshakes.length = 0;
  httpServer = http.createServer();
  io = new Server(httpServer, { transports: ['websocket'] });
  io.of('/agent').use((_socket, next) => {
    handshakes.push(Date.now());
    if (handshakes.length > 1) return next();
    const message = 'Too many connections from this address: try again in 1 s';
    next(Object.assign(new Error(message), { data: { code: 'rate_limited', message, retryAfterMs: WAIT_MS } }));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  // the console connects to its own page's origin
  vi.stubGlobal('location', {
    protocol: 'http:',
    host: `127.0.0.1:${port}`,
    hostname: '127.0.0.1',
    port: String(port),
  });
});

afterEach(async () => {
  channel?.disconnect();
  channel = undefined;
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

it('comes back after a rate-limited handshake’s wait, sooner than after other refusals', async () => {
  channel = createSocketChannel();
  const connected = new Promise<void>((resolve) =>
    channel?.onStatus((status) => {
      if (status.kind === 'connected') resolve();
    }),
  );
  channel.connect();
  await connected;
  expect(handshakes).toHaveLength(2);
  const [refused = 0, accepted = 0] = handshakes;
  expect(accepted - refused).toBeGreaterThanOrEqual(WAIT_MS - 20);
  // other refusals wait 5 s: this one did not
  expect(accepted - refused).toBeLessThan(4000);
});
