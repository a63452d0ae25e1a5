/** Keyboard shortcuts in the full console: moving between chats, the reply box, closing, and the list on `?`. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { iso } from '../support/fixtures.ts';
import { openAgentMenu, renderConsole } from '../support/render-console.tsx';
import { shortcutFor } from '../../src/components/use-shortcuts.ts';

async function threeChats() {
  const channel = new FakeChannel();
  channel.seed({ id: 'a', visitorName: 'Ann', assignedAt: iso(1_000) }, [{ author: 'visitor', body: 'from Ann' }]);
  channel.seed({ id: 'b', visitorName: 'Ben', assignedAt: iso(2_000) }, [{ author: 'visitor', body: 'from Ben' }]);
  channel.seed({ id: 'c', visitorName: 'Cas', assignedAt: iso(3_000) }, [{ author: 'visitor', body: 'from Cas' }]);
  const harness = await renderConsole({ channel });
  await screen.findByRole('button', { name: /Cas/ });
  return harness;
}

const heading = () => screen.getByRole('heading', { level: 2, name: /Ann|Ben|Cas/ }).textContent;

describe('keyboard shortcuts', () => {
  it('moves to the next and previous conversation, wrapping around', async () => {
    await threeChats();
    fireEvent.keyDown(document.body, { key: 'j', code: 'KeyJ' });
    await waitFor(() => expect(heading()).toBe('Ann'));
    fireEvent.keyDown(document.body, { key: 'j', code: 'KeyJ' });
    await waitFor(() => expect(heading()).toBe('Ben'));
    // the reply box has focus now: a bare j is text, Alt+↓ still moves
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'j', code: 'KeyJ' });
    expect(heading()).toBe('Ben');
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(heading()).toBe('Cas'));
    fireEvent.keyDown(document.body, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(heading()).toBe('Ann'));
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK' });
    await waitFor(() => expect(heading()).toBe('Cas'));
  });

  it('keeps each conversation’s draft when switching with the keyboard', async () => {
    await threeChats();
    fireEvent.keyDown(document.body, { key: 'j', code: 'KeyJ' });
    await waitFor(() => expect(heading()).toBe('Ann'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'half a reply to Ann' } });
    fireEvent.keyDown(document.body, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(heading()).toBe('Ben'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' }).value).toBe('');
    fireEvent.keyDown(document.body, { key: 'ArrowUp', code: 'ArrowUp', altKey: true });
    await waitFor(() => expect(heading()).toBe('Ann'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' }).value).toBe('half a reply to Ann');
  });

  it('focuses the reply box and closes the conversation', async () => {
    const { channel } = await threeChats();
    fireEvent.click(screen.getByRole('button', { name: /Ben/ }));
    const box = await screen.findByRole('textbox', { name: 'Message' });
    box.blur();
    fireEvent.keyDown(document.body, { key: 'r', code: 'KeyR' });
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: '®', code: 'KeyX', altKey: true });
    expect(await screen.findByText('This conversation has ended.')).toBeTruthy();
    expect(channel.payloadsOf('conversation:close')).toEqual([{ conversationId: 'b' }]);
  });

  it('shows the shortcut list on ?, as a dialog that Escape closes', async () => {
    await threeChats();
    openAgentMenu();
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    opener.focus();
    fireEvent.keyDown(opener, { key: '?', code: 'Slash', shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('Next conversation')).toBeTruthy();
    expect(within(dialog).getByText('Close the conversation')).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    // shortcuts stay out of the open dialog
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'j', code: 'KeyJ' });
    expect(screen.queryByRole('heading', { level: 2, name: /Ann|Ben|Cas/ })).toBeNull();
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('leaves typing alone: bare keys in fields, and anything with Ctrl or Meta', () => {
    expect(shortcutFor({ key: '?', code: 'Slash', altKey: false, ctrlKey: false, metaKey: false }, true)).toBeNull();
    expect(shortcutFor({ key: 'j', code: 'KeyJ', altKey: false, ctrlKey: true, metaKey: false }, false)).toBeNull();
    expect(shortcutFor({ key: 'k', code: 'KeyK', altKey: false, ctrlKey: false, metaKey: true }, false)).toBeNull();
    expect(shortcutFor({ key: '˙', code: 'ArrowUp', altKey: true, ctrlKey: false, metaKey: false }, true)).toBe(
      'previous',
    );
  });
});
