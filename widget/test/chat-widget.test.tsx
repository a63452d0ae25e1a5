/**
 * The whole widget (ChatWidget + a real ChatClient) over the stand-in socket: unread badge and
 * title, focus on open and close, delivery marks, agent formatting, links, locale and direction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { SessionResumeResult, WidgetConfig } from '@parley/shared';
import { ChatWidget } from '../src/app/chat-widget.tsx';
import { ChatClient } from '../src/client/chat-client.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, message, visitorMessage } from './fixtures.ts';

const config: WidgetConfig = {
  siteKey: 'pk_test',
  siteName: 'Acme',
  color: '#ffd700',
  position: 'right',
  greeting: 'Hi!',
  locale: null,
  preChat: { enabled: false, fields: [] },
  team: [],
  identityVerificationRequired: false,
  withinBusinessHours: true,
  proactiveRules: [],
};
const clients: ChatClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function setup(props: { locale?: string } = {}) {
  let socket: FakeSocket | null = null;
  const client = new ChatClient({
    siteKey: 'pk_test',
    serverUrl: 'http://parley.test',
    createSocket: (hs) => (socket = new FakeSocket(hs)),
  });
  clients.push(client);
  const view = render(<ChatWidget client={client} config={config} syncTabs={false} {...props} />);
  const live = (): FakeSocket => {
    if (!socket) throw new Error('no socket yet');
    return socket;
  };
  return { ...view, client, live };
}

async function resume(socket: FakeSocket, data: Partial<SessionResumeResult>): Promise<void> {
  socket.accept();
  const request = await socket.request('session:resume');
  await act(() =>
    request.reply({
      ok: true,
      data: {
        token: 't',
        visitorId: 'v1',
        conversation: null,
        messages: [],
        queuePosition: null,
        agentsOnline: true,
        estimatedWaitSeconds: null,
        withinBusinessHours: true,
        ...data,
      },
    }),
  );
}

describe('ChatWidget', () => {
  it('moves focus into the panel when it was opened before the visitor’s strings had loaded', async () => {
    // what the loader's stand-in launcher does: the open comes in before the app has drawn anything
    const client = new ChatClient({
      siteKey: 'pk_test',
      serverUrl: 'http://parley.test',
      createSocket: (hs) => new FakeSocket(hs),
    });
    clients.push(client);
    client.setOpen(true);
    render(<ChatWidget client={client} config={config} syncTabs={false} />);
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(box.ownerDocument.activeElement).toBe(box));
  });

  it('moves focus into the panel on open and back to the launcher on Escape', async () => {
    setup();
    const launcher = await screen.findByRole('button', { name: 'Open chat' });
    fireEvent.click(launcher);
    const box = await screen.findByRole('textbox', { name: 'Message' });
    expect(box.ownerDocument.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    await screen.findByRole('button', { name: 'Open chat' });
    await act(() => Promise.resolve());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open chat' }));
  });

  it('picks readable text for the brand colour', async () => {
    const { container } = setup();
    await screen.findByRole('button', { name: 'Open chat' });
    const root = container.querySelector<HTMLElement>('.root');
    expect(root?.style.getPropertyValue('--p-on-accent')).toBe('#000000');
  });

  it('counts unread agent messages on the launcher and in the title while closed, and clears them on open', async () => {
    document.title = 'Shop';
    const { live, client, unmount } = setup();
    client.connect();
    await resume(live(), {
      conversation: activeConversation({ lastSeq: 1 }),
      messages: [visitorMessage(1, { body: 'hello' })],
    });
    await act(() => live().push('message:new', message(2, { body: 'Hi!' })));
    await act(() => live().push('message:new', message(3, { body: 'How can I help?' })));
    const launcher = await screen.findByRole('button', { name: 'Open chat (2)' });
    expect(launcher.querySelector('.badge')?.textContent).toBe('2');
    expect(document.title).toBe('(2) Shop');
    fireEvent.click(launcher);
    await screen.findByText('How can I help?');
    expect(document.title).toBe('Shop');
    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(await screen.findByRole('button', { name: 'Open chat' })).toBeTruthy();
    await act(() => live().push('message:new', message(4)));
    await screen.findByRole('button', { name: 'Open chat (1)' });
    expect(document.title).toBe('(1) Shop');
    unmount();
    expect(document.title).toBe('Shop');
  });

  it('marks the visitor’s message sent, then seen when the agent reads it', async () => {
    const { live, client } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await resume(live(), {
      conversation: activeConversation({ lastSeq: 1 }),
      messages: [visitorMessage(1, { body: 'Is it in stock?' })],
    });
    await screen.findByText('Sent');
    await act(() => live().push('message:seen', { conversationId: 'c1', by: 'agent', seq: 1 }));
    await screen.findByText('Seen');
    expect(client.getState().conversation?.agentSeenSeq).toBe(1);
  });

  it('shows a message as not sent while the server is unreachable, and Retry reconnects at once', async () => {
    const { live, client } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await resume(live(), { conversation: activeConversation() });
    await act(() => live().drop());
    await act(() => client.send('are you there?'));
    await screen.findByText('Not sent');
    const before = live().connectCalls;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(live().connectCalls).toBe(before + 1);
  });

  it('renders agent formatting sanitized, and links in plain text as safe anchors', async () => {
    const { live, container } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Open chat' }));
    await resume(live(), {
      conversation: activeConversation({ lastSeq: 3 }),
      messages: [
        message(1, { body: '**Bold** and [evil](javascript:alert(1)) <img src=x onerror="alert(1)">' }),
        message(2, { body: 'Docs: https://acme.test/help' }),
        visitorMessage(3, { body: '<script>alert(1)</script> **not formatted**' }),
      ],
    });
    const bold = await screen.findByText('Bold');
    expect(bold.tagName).toBe('STRONG');
    expect(container.querySelector('img, script, [onerror], a[href^="javascript"]')).toBeNull();
    // links come from their own lazy chunk, which may land after the sanitizer's
    const link = await screen.findByRole('link', { name: 'https://acme.test/help' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('<script>alert(1)</script> **not formatted**')).toBeTruthy();
  });

  it('speaks the chosen locale, right-to-left for Arabic', async () => {
    const { container } = setup({ locale: 'ar' });
    await screen.findByRole('button', { name: 'افتح الدردشة' });
    expect(container.querySelector('.root')?.getAttribute('dir')).toBe('rtl');
    expect(container.querySelector('.root')?.getAttribute('lang')).toBe('ar');
  });

  it('speaks German when the site says so', async () => {
    render(
      <ChatWidget
        client={new ChatClient({ siteKey: 'k', serverUrl: 'http://x.test' })}
        config={{ ...config, locale: 'de' }}
        syncTabs={false}
      />,
    );
    await screen.findByRole('button', { name: 'Chat öffnen' });
  });
});
