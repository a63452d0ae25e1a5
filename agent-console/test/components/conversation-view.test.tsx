/** The open conversation: history as plain text, typing indicator, live messages, ending it. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';

const HTML_BODY = '<img src=x onerror="alert(1)"><b>bold?</b>';

async function openGrace(setup: (channel: FakeChannel) => void = () => undefined) {
  const channel = new FakeChannel();
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [
    { author: 'visitor', body: 'Hello, is anyone there?' },
    { author: 'agent', body: 'Hi Grace, Ada here.' },
    { author: 'visitor', body: HTML_BODY },
  ]);
  setup(channel);
  const harness = await renderConsole({ channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  const log = await screen.findByRole('log');
  await within(log).findByText('Hello, is anyone there?');
  return { ...harness, log };
}

describe('conversation view', () => {
  it('shows the whole history with author names, visitor and agent told apart', async () => {
    const { log } = await openGrace();
    const items = within(log).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.message__author')?.textContent)).toEqual(['Grace', 'Ada', 'Grace']);
    expect(items.map((item) => item.className)).toEqual([
      'message message--visitor',
      'message message--agent',
      'message message--visitor',
    ]);
    expect(screen.getByRole('heading', { name: 'Grace' })).toBeTruthy();
  });

  it('renders a message containing HTML as literal text', async () => {
    const { log } = await openGrace();
    expect(within(log).getByText(HTML_BODY)).toBeTruthy();
    expect(log.querySelector('img')).toBeNull();
    expect(log.querySelector('b')).toBeNull();
  });

  it("shows the visitor's typing until they stop or their message arrives", async () => {
    const { channel } = await openGrace();
    expect(screen.queryByText('Visitor is typing…')).toBeNull();
    channel.visitorTyping('c1', true);
    expect(await screen.findByText('Visitor is typing…')).toBeTruthy();
    channel.visitorTyping('c1', false);
    await waitFor(() => expect(screen.queryByText('Visitor is typing…')).toBeNull());
    channel.visitorTyping('c1', true);
    await screen.findByText('Visitor is typing…');
    channel.visitorSays('c1', 'Here it is');
    await waitFor(() => expect(screen.queryByText('Visitor is typing…')).toBeNull());
  });

  it('shows new messages live and marks them seen while on screen', async () => {
    const { channel, log } = await openGrace();
    channel.visitorSays('c1', 'One more thing');
    expect(await within(log).findByText('One more thing')).toBeTruthy();
    await waitFor(() => expect(channel.payloadsOf('message:seen').at(-1)).toEqual({ conversationId: 'c1', seq: 4 }));
  });

  it('closes the conversation: shown as ended, composer disabled', async () => {
    const { channel } = await openGrace();
    fireEvent.click(screen.getByRole('button', { name: 'Close conversation' }));
    expect(await screen.findByText('This conversation has ended.')).toBeTruthy();
    expect(channel.payloadsOf('conversation:close')).toEqual([{ conversationId: 'c1' }]);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Close conversation' })).toBeNull();
    expect(within(screen.getByRole('button', { name: /Grace/ })).getByText('Ended')).toBeTruthy();
  });

  it('disables the composer when the visitor ends the conversation', async () => {
    const { channel } = await openGrace();
    const composer = screen.getByRole('textbox', { name: 'Message' });
    expect(composer).toHaveProperty('disabled', false);
    channel.visitorCloses('c1');
    expect(await screen.findByText('The visitor ended this conversation.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
  });
});
