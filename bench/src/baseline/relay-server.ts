/**
 * @module The bare baseline: a Socket.IO server that does what Parley's delivery path does minus
 * Parley (no validation, no storage, no routing). A socket joins rooms; a message sent to a room is
 * acked and emitted to the whole room, sender included, as Parley emits to the visitor's and the
 * agent's rooms. With REDIS_URL the processes are joined by @socket.io/redis-adapter, as Parley's are:
 * classic Pub/Sub, or with REDIS_PUBSUB=sharded sharded Pub/Sub (Redis 7, a channel per room), to
 * measure which of the two Parley should use.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

type Ack = (answer: { ok: true; data: unknown }) => void;

async function main(): Promise<void> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(
      process.env.REDIS_PUBSUB === 'sharded'
        ? createShardedAdapter(pub, sub, { subscriptionMode: 'dynamic' })
        : createAdapter(pub, sub),
    );
  }
  let seq = 0;
  io.on('connection', (socket) => {
    socket.on('hello', (_payload: unknown, ack: Ack) => ack({ ok: true, data: { id: socket.id } }));
    socket.on('join', (rooms: string[], ack: Ack) => {
      void socket.join(rooms);
      ack({ ok: true, data: {} });
    });
    socket.on('msg', (payload: { room: string; body: string }, ack: Ack) => {
      const message = { room: payload.room, body: payload.body, seq: ++seq };
      ack({ ok: true, data: { seq: message.seq } });
      io.to(payload.room).emit('msg', message);
    });
  });
  httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = httpServer.address() as AddressInfo;
    process.stdout.write(`relay listening on http://127.0.0.1:${port}\n`);
  });
  process.on('SIGTERM', () => {
    void io.close(() => process.exit(0));
  });
}

void main();
