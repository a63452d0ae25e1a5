/**
 * What the public API asks of the ChatClient: opening connects, reset forgets the visitor and
 * starts afresh, and identity and page views wait for a resumed connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, message } from './fixtures.ts';

const SITE = 'site-a';
const clients: ChatClient[] = [];

function startClient(): { client: ChatClient; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  const client = new ChatClient({
    siteKey: SITE,
    serverUrl: 'http://parley.test',
    createSocket: (handshake) => {
      const socket = new FakeSocket(handshake);
      sockets.push(socket);
      return socket;
    },
  });
  clients.push(client);
  return { client, sockets };
}

const resumed = (overrides: Partial<SessionResumeResult> = {}) => ({
  ok: true as const,
  data: {
    token: 'tok-1',
    visitorId: 'v1',
    conversation: null,
    messages: [],
    queuePosition: null,
    agentsOnline: true,
    estimatedWaitSeconds: null,
    withinBusinessHours: true,
    ...overrides,
  },
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe('two tabs opened together', () => {
  it('become one visitor: the tab whose token lost joins the visitor the other tab stored', async () => {
    const first = startClient();
    const second = startClient();
    first.client.connect();
    second.client.connect();
    const [a, b] = [first.sockets[0], second.sockets[0]];
    if (!a || !b) throw new Error('no sockets');
    a.accept();
    b.accept();
    // both handshakes went out before either tab had a token
    expect([a.handshakes[0]?.token, b.handshakes[0]?.token]).toEqual([undefined, undefined]);
    (await a.request('session:resume')).reply(resumed({ token: 'tok-first', visitorId: 'v-first' }));
    (await b.request('session:resume')).reply(resumed({ token: 'tok-second', visitorId: 'v-second' }));
    // the second tab does not overwrite the first one's token; it reconnects with it
    expect(localStorage.getItem(`parley:${SITE}:token`)).toBe('tok-first');
    expect(second.sockets).toHaveLength(2);
    const again = second.sockets[1];
    if (!again) throw new Error('no new socket');
    again.accept();
    expect(again.handshakes[0]?.token).toBe('tok-first');
    (await again.request('session:resume')).reply(resumed({ token: 'tok-first', visitorId: 'v-first' }));
    expect(second.client.getState().connection).toBe('online');
    expect(b.connected).toBe(false);
  });
});

describe('a tab hears what another tab did to the visitor', () => {
  const key = `parley:${SITE}:token`;
  /** What the browser does in this tab when another tab of the site writes or removes the token. */
  function anotherTabStores(token: string | null): void {
    if (token === null) localStorage.removeItem(key);
    else localStorage.setItem(key, token);
    dispatchEvent(new StorageEvent('storage', { key, newValue: token, storageArea: localStorage }));
  }

  async function onlineAs(
    token: string,
    overrides: Partial<SessionResumeResult> = {},
  ): Promise<ReturnType<typeof startClient>> {
    const tab = startClient();
    tab.client.setOpen(true);
    const socket = tab.sockets[0];
    if (!socket) throw new Error('no socket');
    socket.accept();
    (await socket.request('session:resume')).reply(resumed({ token, visitorId: token, ...overrides }));
    expect(tab.client.getState().connection).toBe('online');
    return tab;
  }

  it('follows the visitor another tab stored after both connected as new visitors at once', async () => {
    // both tabs read the storage before either wrote: this one stored its token, the other one's write came last
    const tab = await onlineAs('tok-second');
    anotherTabStores('tok-first');
    expect(tab.sockets).toHaveLength(2);
    expect(tab.sockets[0]?.connected).toBe(false);
    const again = tab.sockets[1];
    if (!again) throw new Error('no new socket');
    again.accept();
    expect(again.handshakes[0]?.token).toBe('tok-first');
    (await again.request('session:resume')).reply(
      resumed({ token: 'tok-first', visitorId: 'v-first', conversation: activeConversation(), messages: [message(1)] }),
    );
    expect(tab.client.getState().thread.messages).toHaveLength(1);
    expect(localStorage.getItem(key)).toBe('tok-first');
  });

  it('stays put when the storage still holds its own token (its write is the one that won)', async () => {
    const tab = await onlineAs('tok-mine');
    // the other tab's earlier write is announced after this tab's own write replaced it
    dispatchEvent(new StorageEvent('storage', { key, newValue: 'tok-theirs', storageArea: localStorage }));
    expect(tab.sockets).toHaveLength(1);
    expect(tab.sockets[0]?.connected).toBe(true);
  });

  it('forgets the visitor when another tab logged out, and starts afresh', async () => {
    const tab = await onlineAs('tok-1', { conversation: activeConversation(), messages: [message(1)] });
    anotherTabStores(null);
    expect(tab.client.getState().conversation).toBeNull();
    expect(tab.client.getState().thread.messages).toEqual([]);
    const fresh = tab.sockets[1];
    if (!fresh) throw new Error('no new socket');
    fresh.accept();
    expect(fresh.handshakes[0]?.token).toBeUndefined();
  });

  it('ignores other keys, other storage areas and a destroyed client', async () => {
    const tab = await onlineAs('tok-1');
    dispatchEvent(
      new StorageEvent('storage', { key: `parley:${SITE}:history`, newValue: '{}', storageArea: localStorage }),
    );
    sessionStorage.setItem(key, 'tok-2');
    dispatchEvent(new StorageEvent('storage', { key, newValue: 'tok-2', storageArea: sessionStorage }));
    sessionStorage.removeItem(key);
    expect(tab.sockets).toHaveLength(1);
    tab.client.destroy();
    anotherTabStores('tok-3');
    expect(tab.sockets).toHaveLength(1);
  });
});

describe('ChatClient for the public API', () => {
  it('connects when opened, and keeps the panel state in its state', () => {
    const { client, sockets } = startClient();
    expect(client.getState().open).toBe(false);
    client.setOpen(true);
    expect(client.getState().open).toBe(true);
    expect(sockets).toHaveLength(1);
    client.setLauncherVisible(false);
    expect(client.getState().launcherVisible).toBe(false);
  });

  it('reset forgets the token, history and outbox, and reconnects as a new visitor when open', async () => {
    const { client, sockets } = startClient();
    client.setOpen(true);
    const first = sockets[0];
    if (!first) throw new Error('no socket');
    first.accept();
    (await first.request('session:resume')).reply(
      resumed({ conversation: activeConversation(), messages: [message(1)] }),
    );
    expect(client.getState().thread.messages).toHaveLength(1);
    expect(localStorage.getItem(`parley:${SITE}:token`)).toBe('tok-1');

    client.reset();
    expect(first.connected).toBe(false);
    expect(client.getState().conversation).toBeNull();
    expect(client.getState().thread.messages).toEqual([]);
    expect(client.getState().open).toBe(true);
    expect(localStorage.getItem(`parley:${SITE}:token`)).toBeNull();
    expect(localStorage.getItem(`parley:${SITE}:history`)).toBeNull();
    const second = sockets[1];
    if (!second) throw new Error('reset did not reconnect');
    second.accept();
    expect(second.handshakes.at(-1)?.token).toBeUndefined();
  });

  it('sends identity and page views only after the resume, and the identity again after a reconnect', async () => {
    const { client, sockets } = startClient();
    client.identify({ id: 'u42', name: 'Ada', attributes: { plan: 'pro' }, userHash: 'ab12' });
    client.trackPageView({ url: 'https://shop.example/pricing', title: 'Pricing' });
    client.trackPageView({ url: 'file:///tmp/x.html', title: 'not a web page' });
    client.setOpen(true);
    const socket = sockets[0];
    if (!socket) throw new Error('no socket');
    socket.accept();
    const resume = await socket.request('session:resume');
    // nothing about the visitor goes out before the server knows which visitor this connection is
    expect(socket.pendingOf('visitor:identify')).toEqual([]);
    resume.reply(resumed());

    const identify = await socket.request('visitor:identify');
    expect(identify.payload).toEqual({ userId: 'u42', name: 'Ada', attributes: { plan: 'pro' }, userHash: 'ab12' });
    identify.reply({ ok: true, data: { verified: true } });
    const page = await socket.request('page:view');
    expect(page.payload).toEqual({ url: 'https://shop.example/pricing', title: 'Pricing' });
    page.reply({ ok: true, data: {} });

    // online: a later page view goes at once
    client.trackPageView({ url: 'https://shop.example/checkout', title: 'Checkout' });
    const next = await socket.request('page:view');
    expect(next.payload).toEqual({ url: 'https://shop.example/checkout', title: 'Checkout' });
    next.reply({ ok: true, data: {} });

    socket.drop('transport close');
    socket.accept();
    (await socket.request('session:resume')).reply(resumed());
    expect((await socket.request('visitor:identify')).payload).toMatchObject({ userId: 'u42' });
    expect(socket.pendingOf('page:view')).toEqual([]);
  });

  it("continues as the visitor a verified identify names, with that visitor's thread", async () => {
    const { client, sockets } = startClient();
    client.identify({ id: 'u7', userHash: 'cd34' });
    client.setOpen(true);
    const phone = sockets[0];
    if (!phone) throw new Error('no socket');
    phone.accept();
    (await phone.request('session:resume')).reply(resumed({ token: 'tok-phone', visitorId: 'v-phone' }));
    (await phone.request('visitor:identify')).reply({ ok: true, data: { verified: true, token: 'tok-laptop' } });

    // the token of the user's visitor replaces this browser's, and a new connection presents it
    expect(localStorage.getItem(`parley:${SITE}:token`)).toBe('tok-laptop');
    expect(phone.connected).toBe(false);
    const again = sockets[1];
    if (!again) throw new Error('did not reconnect');
    again.accept();
    expect(again.handshakes.at(-1)?.token).toBe('tok-laptop');
    const ticket = { ...activeConversation(), status: 'offline' as const };
    (await again.request('session:resume')).reply(
      resumed({ token: 'tok-laptop', visitorId: 'v-laptop', conversation: ticket, messages: [message(1), message(2)] }),
    );
    expect(client.getState().connection).toBe('online');
    expect(client.getState().conversation?.id).toBe(ticket.id);
    expect(client.getState().thread.messages).toHaveLength(2);
    // the identity goes again on the new connection; an answer without a token changes nothing
    (await again.request('visitor:identify')).reply({ ok: true, data: { verified: true } });
    expect(sockets).toHaveLength(2);
  });
});
