/**
 * The console's frame in the full app: the skip link, page titles, the agent menu with its theme,
 * focus after Alt+X, single-key shortcuts turned off, agent formatting rendered safely, plurals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { iso } from '../support/fixtures.ts';
import { openAgentMenu, renderConsole } from '../support/render-console.tsx';
import { countOf } from '../../src/components/plural.ts';
import { setSingleKeyShortcuts } from '../../src/state/shortcut-settings.ts';
import { setThemePreference } from '../../src/state/theme.ts';

function twoChats(): FakeChannel {
  const channel = new FakeChannel();
  channel.seed({ id: 'a', visitorName: 'Ann', assignedAt: iso(1_000) }, [
    { author: 'visitor', body: 'Has it **shipped**?' },
    { author: 'agent', body: 'Yes, it **shipped today**.\n- tracking: [here](https://track.example/1)' },
    { author: 'agent', body: '**bold** <img src=x onerror="alert(1)"> [bad](javascript:alert(1))' },
  ]);
  channel.seed({ id: 'b', visitorName: 'Ben', assignedAt: iso(2_000) }, [{ author: 'visitor', body: 'from Ben' }]);
  return channel;
}

const conversationHeading = () => screen.getByRole('heading', { level: 2, name: /Ann|Ben/ }).textContent;

afterEach(() => {
  setThemePreference('system');
  setSingleKeyShortcuts(true);
});

describe('the console frame', () => {
  it('starts with a skip link to the inbox heading and titles the page with its unread count', async () => {
    await renderConsole({ channel: twoChats() });
    const skip = screen.getByRole('link', { name: 'Skip to conversations' });
    expect(document.querySelector('a, button, input, select, textarea')).toBe(skip);
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inbox' }));
    await waitFor(() => expect(document.title).toBe('(1) Inbox · Parley'));
  });

  it('opens the agent menu, switches the theme on <html>, keeps it, and gives focus back on Escape', async () => {
    await renderConsole();
    const toggle = screen.getByRole('button', { name: /agent menu$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    openAgentMenu();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(document.documentElement.classList.contains('p-theme')).toBe(true);
    expect(localStorage.getItem('parley.console.theme')).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement.dataset['theme']).toBe('light');

    const signOut = screen.getByRole('button', { name: 'Sign out' });
    signOut.focus();
    fireEvent.keyDown(signOut, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('moves to the next open conversation after Alt+X instead of dropping focus', async () => {
    const { channel } = await renderConsole({ channel: twoChats() });
    fireEvent.click(await screen.findByRole('button', { name: /Ann/ }));
    await waitFor(() => expect(conversationHeading()).toBe('Ann'));
    fireEvent.keyDown(document.body, { key: 'x', code: 'KeyX', altKey: true });
    await waitFor(() => expect(conversationHeading()).toBe('Ben'));
    expect(channel.payloadsOf('conversation:close')).toEqual([{ conversationId: 'a' }]);
    // the next conversation opened: its reply box (or, before it mounts, its list item) has focus
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' })));
  });

  it('lets the agent turn single-key shortcuts off, remembered in this browser; Alt keys still work', async () => {
    await renderConsole({ channel: twoChats() });
    openAgentMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Single-key shortcuts (j, k, r, ?)' }));
    expect(localStorage.getItem('parley.console.singleKeyShortcuts')).toBe('off');
    expect(within(dialog).queryByText('j')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /agent menu$/ }));

    fireEvent.keyDown(document.body, { key: 'j', code: 'KeyJ' });
    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true });
    expect(screen.queryByRole('heading', { level: 2, name: /Ann|Ben/ })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(conversationHeading()).toBe('Ann'));
  });

  it('shows an agent’s formatting as the visitor sees it, safely, and a visitor’s text as typed', async () => {
    await renderConsole({ channel: twoChats() });
    fireEvent.click(await screen.findByRole('button', { name: /Ann/ }));
    const log = await screen.findByRole('log');
    await waitFor(() => expect(within(log).getByText('shipped today').tagName).toBe('STRONG'));
    expect(within(log).getByRole('link', { name: 'here' }).getAttribute('href')).toBe('https://track.example/1');
    expect(within(log).getByText('Has it **shipped**?')).toBeTruthy();
    expect(log.querySelector('img, [onerror]')).toBeNull();
    // a link to anything but http(s) or mailto stays the text the agent typed
    expect(log.querySelector('a[href^="javascript"]')).toBeNull();
    expect(log.textContent).toContain('[bad](javascript:alert(1))');
    expect(log.textContent).not.toContain('**shipped today**');
  });

  it('counts in words that agree with the number', () => {
    expect(countOf(1, ['rating', 'ratings'])).toBe('1 rating');
    expect(countOf(0, ['rating', 'ratings'])).toBe('0 ratings');
    expect(countOf(5, ['chat', 'chats'])).toBe('5 chats');
  });
});
