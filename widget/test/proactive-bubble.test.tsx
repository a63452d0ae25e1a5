/**
 * The proactive message by the launcher, in the whole widget over the stand-in socket: announced
 * politely, reachable by keyboard, in the visitor's language (and direction), opening the panel
 * with the message atop it, and put away for the session by its close button.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { WidgetConfig } from '@parley/shared';
import { ChatWidget } from '../src/app/chat-widget.tsx';
import { ProactiveBubble } from '../src/app/proactive-bubble.tsx';
import { ChatClient } from '../src/client/chat-client.ts';
import type { ProactiveMessage } from '../src/client/chat-state.ts';
import { FakeSocket } from './fake-socket.ts';
import { inEnglish } from './in-english.tsx';

const config: WidgetConfig = {
  siteKey: 'pk_test',
  siteName: 'Acme',
  color: '#2563eb',
  position: 'right',
  greeting: 'Hi!',
  locale: null,
  preChat: { enabled: false, fields: [] },
  team: [],
  identityVerificationRequired: false,
  withinBusinessHours: true,
  proactiveRules: [],
};
const fromRule: ProactiveMessage = {
  origin: { kind: 'rule', ruleId: 'r1' },
  message: 'Questions about our plans?',
  senderName: 'Ada',
  senderAvatarUrl: null,
};
const clients: ChatClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function setup(locale?: string) {
  const client = new ChatClient({
    siteKey: 'pk_test',
    serverUrl: 'http://parley.test',
    createSocket: (hs) => new FakeSocket(hs),
  });
  clients.push(client);
  const view = render(<ChatWidget client={client} config={config} syncTabs={false} locale={locale} />);
  return { ...view, client };
}

describe('ProactiveBubble', () => {
  it('is announced politely: the live region is there before the message arrives', () => {
    const { container, rerender } = render(
      inEnglish(<ProactiveBubble message={null} onOpen={() => {}} onDismiss={() => {}} />),
    );
    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.textContent).toBe('');
    rerender(inEnglish(<ProactiveBubble message={fromRule} onOpen={() => {}} onDismiss={() => {}} />));
    expect(container.querySelector('[aria-live="polite"]')).toBe(region);
    expect(region?.textContent).toContain('Questions about our plans?');
    expect(region?.textContent).toContain('Ada');
  });

  it('shows by the launcher, and opens the panel with the message atop it from the keyboard', async () => {
    const { client } = setup();
    await screen.findByRole('button', { name: 'Open chat' });
    await act(() => client.showProactive(fromRule));
    const open = screen.getByRole('button', { name: /Questions about our plans\?.*Reply/ });
    open.focus();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    const log = await screen.findByRole('log');
    expect(log.textContent).toContain('AdaQuestions about our plans?');
    expect(log.textContent).not.toContain('Hi!');
    expect(screen.queryByRole('button', { name: /Reply/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' })));
  });

  it('goes away with its close button, for the rest of the session', async () => {
    const { client } = setup();
    await screen.findByRole('button', { name: 'Open chat' });
    await act(() => client.showProactive(fromRule));
    fireEvent.click(screen.getByRole('button', { name: 'Close this message' }));
    expect(screen.queryByText('Questions about our plans?')).toBeNull();
    expect(client.proactiveBlocked()).toBe(true);
  });

  it('speaks the visitor’s language, right to left in Arabic', async () => {
    const { client, container } = setup('ar');
    await screen.findByRole('button', { name: 'افتح الدردشة' });
    await act(() => client.showProactive(fromRule));
    expect(screen.getByRole('button', { name: 'أغلق هذه الرسالة' })).toBeTruthy();
    expect(container.querySelector('.root')?.getAttribute('dir')).toBe('rtl');
  });
});
