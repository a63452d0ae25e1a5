/**
 * The bot's answer while a language model writes it (issue 22, `message:stream`): the whole widget
 * (ChatWidget + a real ChatClient) over the stand-in socket shows one growing bubble under the bot's
 * name, never says it in the live region, and swaps it for the stored message when that lands (one
 * bubble, the final text announced once). A stream for a conversation the bot no longer holds is not
 * drawn, and the bot's messages do not count as unread on the launcher.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import type { WidgetConfig } from '@parley/shared';
import { ChatWidget } from '../src/app/chat-widget.tsx';
import { ChatClient } from '../src/client/chat-client.ts';
import { FakeSocket } from './fake-socket.ts';
import { conversation, message, visitorMessage } from './fixtures.ts';

const config: WidgetConfig = {
  siteKey: 'pk_test',
  siteName: 'Acme',
  color: '#2563eb',
  position: 'right',
  greeting: '',
  locale: null,
  preChat: { enabled: false, fields: [] },
  team: [],
  identityVerificationRequired: false,
  withinBusinessHours: true,
  proactiveRules: [],
};
const BOT = { kind: 'bot', id: 'bot_s1', name: 'Answer bot' } as const;
const stream = (text: string) => ({ conversationId: 'c1', streamId: 'st1', name: 'Answer bot', text });

const clients: ChatClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  localStorage.clear();
});

/** The widget with a conversation the bot holds, the visitor's question in it. */
async function withBotConversation() {
  let socket: FakeSocket | null = null;
  const client = new ChatClient({
    siteKey: 'pk_test',
    serverUrl: 'http://parley.test',
    createSocket: (hs) => (socket = new FakeSocket(hs)),
  });
  clients.push(client);
  const view = render(<ChatWidget client={client} config={config} syncTabs={false} />);
  client.connect();
  const live = socket as FakeSocket | null;
  if (!live) throw new Error('no socket');
  live.accept();
  const request = await live.request('session:resume');
  await act(() =>
    request.reply({
      ok: true,
      data: {
        token: 't',
        visitorId: 'v1',
        conversation: conversation({ status: 'bot', lastSeq: 1 }),
        messages: [visitorMessage(1, { body: 'How do I get a refund?' })],
        queuePosition: null,
        agentsOnline: true,
        estimatedWaitSeconds: null,
        withinBusinessHours: true,
      },
    }),
  );
  const liveRegion = () => view.container.querySelector('.sr[aria-live="polite"]')?.textContent ?? '';
  return { view, live, liveRegion };
}

describe('the bot’s answer as it is written', () => {
  it('grows in one bubble under the bot’s name, unannounced, and gives way to the stored message', async () => {
    const { view, live, liveRegion } = await withBotConversation();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await screen.findByText('How do I get a refund?');

    await act(() => live.push('message:stream', stream('Refunds are')));
    await screen.findByText('Refunds are');
    await act(() => live.push('message:stream', stream('Refunds are possible within 30 days [1].')));
    await screen.findByText('Refunds are possible within 30 days [1].');
    expect(screen.queryByText('Refunds are')).toBeNull();
    const bubbles = () => view.container.querySelectorAll('.log .message.from-agent');
    expect(bubbles()).toHaveLength(1);
    expect(bubbles()[0]?.querySelector('.author')?.textContent).toBe('Answer bot');
    expect(liveRegion()).not.toContain('Refunds are');

    await act(() =>
      live.push('message:new', message(2, { author: BOT, body: 'Refunds are possible within 30 days [1].' })),
    );
    expect(bubbles()).toHaveLength(1);
    expect(bubbles()[0]?.getAttribute('data-seq')).toBe('2');
    const log = view.container.querySelector('.log')?.textContent ?? '';
    expect(log.split('Refunds are possible within 30 days [1].')).toHaveLength(2);
    expect(liveRegion()).toContain('Refunds are possible within 30 days [1].');
  });

  it('after a reconnect shows the answer that landed meanwhile once, without the half-written one', async () => {
    const { view, live } = await withBotConversation();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await act(() => live.push('message:stream', stream('Refunds are')));
    await screen.findByText('Refunds are');
    await act(() => live.drop());
    live.accept();
    const again = await live.request('session:resume');
    await act(() =>
      again.reply({
        ok: true,
        data: {
          token: 't',
          visitorId: 'v1',
          conversation: conversation({ status: 'bot', lastSeq: 2 }),
          messages: [message(2, { author: BOT, body: 'Refunds are possible within 30 days.' })],
          queuePosition: null,
          agentsOnline: true,
          estimatedWaitSeconds: null,
          withinBusinessHours: true,
        },
      }),
    );
    await screen.findByText('Refunds are possible within 30 days.');
    expect(screen.queryByText('Refunds are')).toBeNull();
    expect(view.container.querySelectorAll('.log .message.from-agent')).toHaveLength(1);
  });

  it('is not drawn once the conversation left the bot', async () => {
    const { view, live } = await withBotConversation();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await act(() => live.push('conversation:updated', conversation({ status: 'queued', lastSeq: 1 })));
    await act(() => live.push('message:stream', stream('A late piece of an answer')));
    expect(view.container.textContent).not.toContain('A late piece');
  });

  it('leaves the launcher’s unread count to people: the bot’s messages do not count', async () => {
    const { live } = await withBotConversation();
    await act(() => live.push('message:new', message(2, { author: BOT, body: 'This article may help' })));
    expect(await screen.findByRole('button', { name: 'Open chat' })).toBeTruthy();
    await act(() => live.push('message:new', message(3, { body: 'Ada here, can I help?' })));
    expect(await screen.findByRole('button', { name: 'Open chat (1)' })).toBeTruthy();
  });
});
