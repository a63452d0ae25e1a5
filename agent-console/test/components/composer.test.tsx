/** The reply box in the full console: Send, Enter / Shift+Enter, drafts per conversation, offline sends. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';

async function openConsole() {
  const channel = new FakeChannel();
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Where is my parcel?' }]);
  channel.seed({ id: 'c2', visitorName: 'Linus' }, [{ author: 'visitor', body: 'Do you ship to Finland?' }]);
  const harness = await renderConsole({ channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  await within(screen.getByRole('log')).findByText('Where is my parcel?');
  return harness;
}

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const type = (text: string) => fireEvent.input(composer(), { target: { value: text } });
const sent = (channel: FakeChannel) => channel.sends.map((request) => request.body);

describe('composer', () => {
  it('sends with the Send button and clears the box', async () => {
    const { channel } = await openConsole();
    type('It left our warehouse today.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(screen.getByRole('log')).findByText('It left our warehouse today.')).toBeTruthy();
    expect(composer().value).toBe('');
    expect(sent(channel)).toEqual(['It left our warehouse today.']);
    expect(channel.messagesOf('c1').map((message) => message.body)).toEqual([
      'Where is my parcel?',
      'It left our warehouse today.',
    ]);
  });

  it('sends on Enter but not on Shift+Enter, and never sends an empty message', async () => {
    const { channel } = await openConsole();
    type('Line one');
    const shiftEnterNotHandled = fireEvent.keyDown(composer(), { key: 'Enter', shiftKey: true });
    expect(shiftEnterNotHandled).toBe(true);
    expect(sent(channel)).toEqual([]);

    type('Line one\nLine two');
    const enterHandled = !fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(enterHandled).toBe(true);
    await waitFor(() => expect(sent(channel)).toEqual(['Line one\nLine two']));

    type('   ');
    fireEvent.keyDown(composer(), { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent(channel)).toEqual(['Line one\nLine two']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps each conversation’s unsent draft when switching between them', async () => {
    await openConsole();
    type('Half-written answer for Grace');
    fireEvent.click(screen.getByRole('button', { name: /Linus/ }));
    await within(screen.getByRole('log')).findByText('Do you ship to Finland?');
    expect(composer().value).toBe('');
    type('Yes, we do');

    fireEvent.click(screen.getByRole('button', { name: /Grace/ }));
    await within(screen.getByRole('log')).findByText('Where is my parcel?');
    expect(composer().value).toBe('Half-written answer for Grace');
    fireEvent.click(screen.getByRole('button', { name: /Linus/ }));
    await waitFor(() => expect(composer().value).toBe('Yes, we do'));
  });

  it('shows a message sent while disconnected as Sending… and delivers it on reconnect', async () => {
    const { channel } = await openConsole();
    channel.drop();
    await screen.findByText('Connecting…');
    type('Sent while offline');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const log = screen.getByRole('log');
    const pending = within(log).getByText('Sent while offline').closest('li');
    expect(pending?.textContent).toContain('Sending…');
    expect(sent(channel)).toEqual([]);

    channel.connect();
    await waitFor(() => expect(within(log).queryByText('Sending…')).toBeNull());
    expect(within(log).getAllByText('Sent while offline')).toHaveLength(1);
    expect(sent(channel)).toEqual(['Sent while offline']);
  });

  it('refuses a message over the length limit and says why', async () => {
    const { channel } = await openConsole();
    type('x'.repeat(5001));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Messages can be at most 5000 characters; this one has 5001.',
    );
    expect(sent(channel)).toEqual([]);
    expect(composer().value).toHaveLength(5001);
  });

  it('tells the visitor the agent is typing', async () => {
    const { channel } = await openConsole();
    type('Let me check');
    expect(channel.typingEvents).toEqual([{ event: 'typing:start', conversationId: 'c1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(channel.typingEvents.at(-1)).toEqual({ event: 'typing:stop', conversationId: 'c1' });
  });
});
