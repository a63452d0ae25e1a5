/** Private notes, transfer with a note, and reopening, in the full console against the in-memory server. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';

async function openGrace(setup: (channel: FakeChannel) => void = () => undefined) {
  const channel = new FakeChannel();
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Can I get a refund?' }]);
  setup(channel);
  const harness = await renderConsole({ channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  const log = await screen.findByRole('log');
  await within(log).findByText('Can I get a refund?');
  return { ...harness, log };
}

describe('private notes', () => {
  it('adds a note shown as private in the log, never sent as a message', async () => {
    const { channel, log } = await openGrace();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Private note' }));
    const box = screen.getByRole('textbox', { name: 'Private note' });
    fireEvent.input(box, { target: { value: 'Refunds over 50 EUR need Lee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));

    const note = await within(log).findByText('Refunds over 50 EUR need Lee');
    expect(note.closest('li')?.className).toContain('message--note');
    expect(within(note.closest('li') ?? log).getByText('Private note')).toBeTruthy();
    expect(channel.payloadsOf('note:add')).toEqual([
      { conversationId: 'c1', clientNoteId: expect.any(String), body: 'Refunds over 50 EUR need Lee' },
    ]);
    expect(channel.payloadsOf('message:send')).toEqual([]);
    expect(channel.typingEvents).toEqual([]);
    await waitFor(() =>
      expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Private note' }).value).toBe(''),
    );
  });

  it('places notes after the message that was last when they were written', async () => {
    const { channel, log } = await openGrace();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Private note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Private note' }), { target: { value: 'first note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await within(log).findByText('first note');
    channel.visitorSays('c1', 'Hello?');
    await within(log).findByText('Hello?');
    const bodies = within(log)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.message__body')?.textContent);
    expect(bodies).toEqual(['Can I get a refund?', 'first note', 'Hello?']);
  });
});

describe('transfer', () => {
  it('lists colleagues who can take it, transfers with a note, and the chat leaves this console', async () => {
    const { channel } = await openGrace((c) => {
      c.teammates = [
        { id: 'agent-1', name: 'Ada', status: 'online', connected: true, activeCount: 1, capacity: 3 },
        { id: 'agent-bob', name: 'Bob', status: 'online', connected: true, activeCount: 0, capacity: 2 },
        { id: 'agent-cy', name: 'Cy', status: 'away', connected: true, activeCount: 0, capacity: 2 },
        { id: 'agent-dee', name: 'Dee', status: 'online', connected: true, activeCount: 2, capacity: 2 },
        { id: 'agent-eve', name: 'Eve', status: 'online', connected: false, activeCount: 0, capacity: 2 },
      ];
    });
    const transferButton = screen.getByRole('button', { name: 'Transfer' });
    fireEvent.click(transferButton);
    const dialog = await screen.findByRole('dialog', { name: 'Transfer conversation' });
    const select = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Transfer to' });
    await waitFor(() => expect(select.value).toBe('agent-bob'));
    const options = within(select).getAllByRole<HTMLOptionElement>('option');
    expect(options.map((o) => [o.textContent, o.disabled])).toEqual([
      ['Bob (0 of 2 chats)', false],
      ['Cy (away)', true],
      ['Dee (no free seat)', true],
      ['Eve (not signed in)', true],
    ]);
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Note for your colleague (private)' }), {
      target: { value: 'Wants a refund, order 4711' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(channel.payloadsOf('conversation:transfer')).toEqual([
      { conversationId: 'c1', toAgentId: 'agent-bob', note: 'Wants a refund, order 4711' },
    ]);
    expect(screen.queryByRole('button', { name: /Grace/ })).toBeNull();
    expect(screen.getByText(/Select a conversation/)).toBeTruthy();
  });

  it('shows why the server refused, and Escape closes the dialog with focus back on Transfer', async () => {
    const { channel } = await openGrace((c) => {
      c.teammates = [{ id: 'agent-bob', name: 'Bob', status: 'online', connected: true, activeCount: 0, capacity: 1 }];
    });
    // a real click focuses the button; jsdom's synthetic one does not
    screen.getByRole('button', { name: 'Transfer' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer conversation' });
    await waitFor(() =>
      expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Transfer to' }).value).toBe('agent-bob'),
    );
    // Bob took another chat meanwhile
    channel.teammates = [
      { id: 'agent-bob', name: 'Bob', status: 'online', connected: true, activeCount: 1, capacity: 1 },
    ];
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Bob has no free capacity (1 of 1 chats)');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Transfer' }));
    expect(screen.getByRole('heading', { name: 'Grace' })).toBeTruthy();
  });
});

describe('reopen', () => {
  it('brings an ended chat back: composer enabled again', async () => {
    const { channel } = await openGrace();
    channel.visitorCloses('c1');
    const reopen = await screen.findByRole('button', { name: 'Reopen conversation' });
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    fireEvent.click(reopen);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', false));
    expect(channel.payloadsOf('conversation:reopen')).toEqual([{ conversationId: 'c1' }]);
    expect(screen.getByRole('button', { name: 'Close conversation' })).toBeTruthy();
  });
});
