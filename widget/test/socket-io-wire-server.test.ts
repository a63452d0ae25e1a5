/**
 * The widget's Socket.IO wire against a real Socket.IO server (the library and version the Parley
 * server runs) over a real WebSocket (`ws` stands in for the browser's: jsdom's own trips over its
 * Event class): handshake with auth, events both ways, acks, buffered emits, a dropped transport
 * reconnecting with fresh auth, a refused handshake staying down, an unanswered one tried again.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { WebSocket as NodeWebSocket } from 'ws';
import { SocketIoWire } from '../src/client/socket-io-wire.ts';

/** A browser reports a connection that failed as an event; `ws` throws it when nobody listens. */
class BrowserLikeWebSocket extends NodeWebSocket {
  constructor(address: string) {
    super(address);
    this.on('error', () => undefined);
  }
}
Object.assign(globalThis, { WebSocket: BrowserLikeWebSocket });

let httpServer: http.Server;
let io: Server;
let url: string;
const wires: SocketIoWire[] = [];

const once = <T>(wire: SocketIoWire, event: string): Promise<T> =>
  new Promise((resolve) => {
    wire.on(event, (value: T) => resolve(value));
  });

beforeEach(async () => {
  httpServer = http.createServer();
  io = new Server(httpServer, { transports: ['websocket'], cors: { origin: '*' } });
  const nsp = io.of('/visitor');
  nsp.use((socket, next) => {
    const { token } = socket.handshake.auth as { token?: string };
    if (token === 'refused') next(Object.assign(new Error('unknown site'), { data: { code: 'unknown_site' } }));
    else next();
  });
  nsp.on('connection', (socket: Socket) => {
    socket.emit('hello', { token: (socket.handshake.auth as { token?: string }).token });
    socket.on('echo', (payload: unknown, ack: (res: unknown) => void) => ack({ ok: true, data: payload }));
    socket.on('silent', () => undefined);
    socket.on('notify', (payload: unknown) => socket.emit('notified', payload));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const wire of wires.splice(0)) wire.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

/** The wire's emitter is typed to Parley's visitor events; this test's server speaks its own. */
type LooseEmitter = { emit(event: string, payload: unknown, ack: (...args: unknown[]) => void): void };
const emitWithAck = (wire: SocketIoWire, ms: number, event: string, payload: unknown): Promise<unknown[]> =>
  new Promise((resolve) =>
    (wire.timeout(ms) as unknown as LooseEmitter).emit(event, payload, (...args) => resolve(args)),
  );

const connectWire = (auth: () => object, options: { nsp?: string; to?: string; connectTimeoutMs?: number } = {}) => {
  const wire = new SocketIoWire(options.to ?? url, options.nsp ?? '/visitor', auth, options.connectTimeoutMs);
  wires.push(wire);
  return wire;
};

describe('SocketIoWire against a real Socket.IO server', () => {
  it('connects with auth, hears server events and gets acks', async () => {
    const wire = connectWire(() => ({ siteKey: 'pk', token: 't1' }));
    const hello = once<{ token: string }>(wire, 'hello');
    wire.connect();
    expect(await hello).toEqual({ token: 't1' });
    expect(wire.connected).toBe(true);
    const answer = await emitWithAck(wire, 5000, 'echo', { text: 'héllo "quoted" 42' });
    expect(answer).toEqual([null, { ok: true, data: { text: 'héllo "quoted" 42' } }]);
    const notified = once<{ n: number }>(wire, 'notified');
    wire.emit('notify', { n: 7 });
    expect(await notified).toEqual({ n: 7 });
  });

  it('buffers emits made before the connection and sends them once connected', async () => {
    const wire = connectWire(() => ({ siteKey: 'pk' }));
    const answered = emitWithAck(wire, 5000, 'echo', 'early');
    wire.connect();
    expect(await answered).toEqual([null, { ok: true, data: 'early' }]);
  });

  it('fails a timed ack the server never answers', async () => {
    const wire = connectWire(() => ({ siteKey: 'pk' }));
    const connected = once(wire, 'connect');
    wire.connect();
    await connected;
    const [err] = await emitWithAck(wire, 200, 'silent', {});
    expect(err).toBeInstanceOf(Error);
  });

  it('reconnects by itself when the transport drops, reading auth again', async () => {
    let token = 'first';
    const wire = connectWire(() => ({ siteKey: 'pk', token }));
    const firstHello = once<{ token: string }>(wire, 'hello');
    wire.connect();
    expect(await firstHello).toEqual({ token: 'first' });
    token = 'second';
    const disconnected = once<string>(wire, 'disconnect');
    // the server drops the underlying connection, as a crash or a proxy timeout would
    for (const socket of io.of('/visitor').sockets.values()) socket.conn.close();
    expect(await disconnected).toBe('transport close');
    const again = await once<{ token: string }>(wire, 'hello');
    expect(again).toEqual({ token: 'second' });
    expect(wire.connected).toBe(true);
  });

  it('stays down when the server refuses the handshake, with the refusal data', async () => {
    const wire = connectWire(() => ({ siteKey: 'pk', token: 'refused' }));
    const refused = once<Error & { data?: unknown }>(wire, 'connect_error');
    wire.connect();
    const error = await refused;
    expect(error.message).toBe('unknown site');
    expect(error.data).toEqual({ code: 'unknown_site' });
    expect(wire.active).toBe(false);
    expect(wire.connected).toBe(false);
  });

  it('stays down after a server-side disconnect', async () => {
    const wire = connectWire(() => ({ siteKey: 'pk' }));
    const connected = once(wire, 'connect');
    wire.connect();
    await connected;
    const disconnected = once<string>(wire, 'disconnect');
    for (const socket of io.of('/visitor').sockets.values()) socket.disconnect(true);
    expect(await disconnected).toBe('io server disconnect');
    expect(wire.active).toBe(false);
  });

  it('tries again when the server never answers the handshake', async () => {
    // the first CONNECT gets no answer at all, as from a server stuck before its middleware replies
    let handshakes = 0;
    const held = io.of('/held');
    held.use((_socket, next) => {
      if (++handshakes > 1) next();
    });
    held.on('connection', (socket: Socket) => socket.emit('hello', {}));
    const wire = connectWire(() => ({ siteKey: 'pk' }), { nsp: '/held', connectTimeoutMs: 300 });
    const failed = once<Error>(wire, 'connect_error');
    const hello = once(wire, 'hello');
    wire.connect();
    await failed;
    expect(wire.active).toBe(true);
    await hello;
    expect(handshakes).toBe(2);
  });

  it('tries again when nothing answers the WebSocket, as behind a proxy that holds the upgrade', async () => {
    const accepted: net.Socket[] = [];
    const blackHole = net.createServer((socket) => void accepted.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blackHole.address() as AddressInfo).port;
      const wire = connectWire(() => ({ siteKey: 'pk' }), { to: `http://127.0.0.1:${port}`, connectTimeoutMs: 300 });
      const failed = once<Error>(wire, 'connect_error');
      wire.connect();
      await failed;
      await expect.poll(() => accepted.length, { timeout: 5000 }).toBe(2);
      expect(wire.active).toBe(true);
      wire.disconnect();
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
  });
});
