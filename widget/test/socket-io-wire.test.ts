/**
 * The widget's own Socket.IO wire against a scripted WebSocket that plays a Socket.IO server's
 * frames: handshake with auth, events, acks, timeouts, buffering, heartbeats, reconnects and
 * refusals. The real server is exercised by the browser tests (server/test/e2e).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketIoWire } from '../src/client/socket-io-wire.ts';

class ScriptedWebSocket {
  static all: ScriptedWebSocket[] = [];
  readonly sent: string[] = [];
  closed = false;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    ScriptedWebSocket.all.push(this);
  }
  send(frame: string): void {
    this.sent.push(frame);
  }
  close(): void {
    this.closed = true;
  }
  /** The server says something. */
  frame(data: string): void {
    this.onmessage?.({ data });
  }
  /** The server accepts: Engine.IO open, then (after the client's CONNECT) the namespace's. */
  accept(): void {
    this.frame('0{"sid":"e1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
    this.frame('40/visitor,{"sid":"s1"}');
  }
}

const latest = (): ScriptedWebSocket => {
  const ws = ScriptedWebSocket.all.at(-1);
  if (!ws) throw new Error('no WebSocket opened');
  return ws;
};

function wire(auth: () => object = () => ({ siteKey: 'pk' })): { socket: SocketIoWire; log: string[] } {
  const socket = new SocketIoWire('https://chat.example.com', '/visitor', auth);
  const log: string[] = [];
  socket.on('connect', () => log.push('connect'));
  socket.on('disconnect', (reason: string) => log.push(`disconnect:${reason}`));
  socket.on('connect_error', (err: Error & { data?: unknown }) =>
    log.push(`connect_error:${err.message}:${JSON.stringify(err.data ?? null)}`),
  );
  return { socket, log };
}

beforeEach(() => {
  ScriptedWebSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', ScriptedWebSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SocketIoWire', () => {
  it('connects over wss with the auth read at connect time, and hears events', () => {
    let token = 'a';
    const { socket, log } = wire(() => ({ siteKey: 'pk', token }));
    const heard: unknown[] = [];
    socket.on('message:new', (message: unknown) => heard.push(message));
    token = 'b';
    socket.connect();
    const ws = latest();
    expect(ws.url).toBe('wss://chat.example.com/socket.io/?EIO=4&transport=websocket');
    ws.accept();
    expect(ws.sent[0]).toBe('40/visitor,{"siteKey":"pk","token":"b"}');
    expect(socket.connected).toBe(true);
    ws.frame('42/visitor,["message:new",{"id":"m1"}]');
    ws.frame('42/other,["message:new",{"id":"elsewhere"}]');
    expect(heard).toEqual([{ id: 'm1' }]);
    expect(log).toEqual(['connect']);
  });

  it('answers acks by id, and fails them on timeout', () => {
    const { socket } = wire();
    socket.connect();
    latest().accept();
    const answers: unknown[] = [];
    socket
      .timeout(1000)
      .emit('page:view', { url: 'https://x.test/', title: 'X' }, (err, res) => answers.push(err ? err.message : res));
    socket
      .timeout(1000)
      .emit('page:view', { url: 'https://x.test/2', title: 'Y' }, (err, res) => answers.push(err ? err.message : res));
    expect(latest().sent.slice(1)).toEqual([
      '42/visitor,0["page:view",{"url":"https://x.test/","title":"X"}]',
      '42/visitor,1["page:view",{"url":"https://x.test/2","title":"Y"}]',
    ]);
    latest().frame('43/visitor,0[{"ok":true,"data":{}}]');
    vi.advanceTimersByTime(1000);
    latest().frame('43/visitor,1[{"ok":true,"data":{}}]');
    expect(answers).toEqual([{ ok: true, data: {} }, 'operation has timed out']);
  });

  it('holds emits made while disconnected until the connect, and drops one that timed out', () => {
    const { socket } = wire();
    const answers: unknown[] = [];
    socket.emit('typing:start', { conversationId: 'c1' });
    socket.timeout(500).emit('message:seen', { conversationId: 'c1', seq: 1 }, (err) => answers.push(err?.message));
    socket
      .timeout(5000)
      .emit('message:seen', { conversationId: 'c1', seq: 2 }, (err) => answers.push(err?.message ?? 'ok'));
    vi.advanceTimersByTime(500);
    socket.connect();
    latest().accept();
    expect(latest().sent.slice(1)).toEqual([
      '42/visitor,["typing:start",{"conversationId":"c1"}]',
      '42/visitor,1["message:seen",{"conversationId":"c1","seq":2}]',
    ]);
    latest().frame('43/visitor,1[{"ok":true,"data":{}}]');
    expect(answers).toEqual(['operation has timed out', 'ok']);
  });

  it('answers pings, and reconnects with backoff when pings stop or the transport drops', () => {
    const { socket, log } = wire();
    const answers: unknown[] = [];
    socket.connect();
    latest().accept();
    latest().frame('2');
    expect(latest().sent.at(-1)).toBe('3');
    socket.timeout(60_000).emit('message:seen', { conversationId: 'c1', seq: 1 }, (err) => answers.push(err?.message));
    vi.advanceTimersByTime(45_000);
    expect(log).toEqual(['connect', 'disconnect:ping timeout']);
    expect(answers).toEqual(['socket has been disconnected']);
    expect(ScriptedWebSocket.all[0]?.closed).toBe(true);
    vi.advanceTimersByTime(1500);
    expect(ScriptedWebSocket.all).toHaveLength(2);
    latest().onclose?.();
    expect(log.at(-1)).toBe('connect_error:websocket error:null');
    expect(socket.active).toBe(true);
    vi.advanceTimersByTime(3000);
    latest().accept();
    expect(log.at(-1)).toBe('connect');
  });

  it('gives up on an attempt that gets no answer in time, and tries again', () => {
    const { socket, log } = wire();
    socket.connect();
    // nothing answers and nothing refuses, as behind a proxy that holds the upgrade
    vi.advanceTimersByTime(20_000);
    expect(ScriptedWebSocket.all[0]?.closed).toBe(true);
    expect(log).toEqual(['connect_error:websocket error:null']);
    expect(socket.active).toBe(true);
    vi.advanceTimersByTime(1500);
    // the next one reaches the server, whose pings keep it alive, but the namespace never answers
    latest().frame('0{"sid":"e1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
    vi.advanceTimersByTime(10_000);
    latest().frame('2');
    vi.advanceTimersByTime(10_000);
    expect(ScriptedWebSocket.all[1]?.closed).toBe(true);
    expect(log).toHaveLength(2);
    vi.advanceTimersByTime(3000);
    latest().accept();
    expect(log.at(-1)).toBe('connect');
    // once connected, the attempt's deadline has nothing more to say
    vi.advanceTimersByTime(20_000);
    expect(log.at(-1)).toBe('connect');
    expect(ScriptedWebSocket.all).toHaveLength(3);
  });

  it('stays down after a refusal by the server, a server disconnect or its own disconnect', () => {
    const { socket, log } = wire();
    socket.connect();
    latest().frame('0{"sid":"e1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
    latest().frame('44/visitor,{"message":"Origin not allowed","data":{"code":"origin_not_allowed"}}');
    expect(log).toEqual(['connect_error:Origin not allowed:{"code":"origin_not_allowed"}']);
    expect(socket.active).toBe(false);

    socket.connect();
    latest().accept();
    latest().frame('41/visitor,');
    expect(log.slice(1)).toEqual(['connect', 'disconnect:io server disconnect']);
    expect(socket.active).toBe(false);

    socket.connect();
    latest().accept();
    socket.disconnect();
    expect(latest().sent.at(-1)).toBe('41/visitor,');
    expect(log.slice(3)).toEqual(['connect', 'disconnect:io client disconnect']);
    vi.advanceTimersByTime(60_000);
    expect(ScriptedWebSocket.all).toHaveLength(3);
  });

  it('starts over on a frame it cannot read', () => {
    const { socket, log } = wire();
    socket.connect();
    latest().accept();
    latest().frame('42/visitor,[not json');
    expect(log).toEqual(['connect', 'disconnect:parse error']);
    expect(socket.active).toBe(true);
  });
});
