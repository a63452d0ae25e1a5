/** Quoted reply, edit and delete in the full console against the in-memory server (issue 19). */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';
import { AGENT } from '../support/fixtures.ts';

async function openGrace(channel = new FakeChannel()) {
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [
    { author: 'visitor', body: 'Where is my parcel?' },
    { author: 'agent', body: 'Let me chekc' },
  ]);
  const harness = await renderConsole({ channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  const log = await screen.findByRole('log');
  await within(log).findByText('Where is my parcel?');
  return { ...harness, channel, log };
}

const itemOf = (log: HTMLElement, text: string): HTMLElement => {
  const item = within(log).getByText(text).closest('li');
  if (!item) throw new Error(`no item holds ${text}`);
  return item;
};

describe('quoted reply', () => {
  it('quotes the chosen message above the reply and sends its id', async () => {
    const { channel, log } = await openGrace();
    fireEvent.click(within(itemOf(log, 'Where is my parcel?')).getByRole('button', { name: 'Reply' }));
    expect(screen.getByText(/Replying to/).textContent).toContain('Where is my parcel?');
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'It left our warehouse today' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(channel.payloadsOf('message:send')).toHaveLength(1));
    expect(channel.payloadsOf('message:send')[0]).toMatchObject({ replyToId: 'c1-m1' });
    const reply = await within(log).findByText('It left our warehouse today');
    const quote = within(reply.closest('li') ?? log).getByRole('button', {
      name: /Go to the quoted message from\s*Grace/,
    });
    expect(quote.textContent).toContain('Where is my parcel?');
    expect(screen.queryByText(/Replying to/)).toBeNull();
    // the quote follows the original: deleted, it shows no text
    channel.change('c1-m1', 'delete');
    await waitFor(() => expect(quote.textContent).toContain('Message deleted'));
    expect(quote.textContent).not.toContain('Where is my parcel?');
  });
});

describe('edit and delete', () => {
  it('edits and deletes the agent’s own message; the visitor’s has no such buttons', async () => {
    const { channel, log } = await openGrace();
    expect(within(itemOf(log, 'Where is my parcel?')).queryByRole('button', { name: 'Edit' })).toBeNull();
    fireEvent.click(within(itemOf(log, 'Let me chekc')).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit message' });
    fireEvent.input(box, { target: { value: 'Let me check' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const edited = await within(log).findByText('Let me check');
    expect(within(edited.closest('li') ?? log).getByText('Edited')).toBeTruthy();
    expect(channel.payloadsOf('message:edit')).toEqual([
      { conversationId: 'c1', messageId: 'c1-m2', clientChangeId: expect.any(String), body: 'Let me check' },
    ]);

    fireEvent.click(within(itemOf(log, 'Let me check')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await within(log).findByText('Message deleted');
    expect(within(log).queryByText('Let me check')).toBeNull();
    // no admin: no audit
    expect(within(log).queryByRole('button', { name: 'Show changes' })).toBeNull();
  });

  it('an admin reads what each change replaced', async () => {
    const channel = new FakeChannel({ ...AGENT, role: 'admin' });
    const { log } = await openGrace(channel);
    channel.change('c1-m1', 'edit', 'Where is my order?');
    channel.change('c1-m1', 'delete');
    const deleted = await within(log).findByText('Message deleted');
    fireEvent.click(within(deleted.closest('li') ?? log).getByRole('button', { name: 'Show changes' }));
    const changes = await screen.findByRole('list', { name: 'Changes to this message' });
    expect(within(changes).getByText('Where is my parcel?')).toBeTruthy();
    expect(within(changes).getByText('Where is my order?')).toBeTruthy();
  });
});

describe('emoji grid', () => {
  it('inserts an emoji chosen with the keyboard at the caret, and Escape returns to the toggle', async () => {
    await openGrace();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Thanks ' } });
    box.setSelectionRange(7, 7);
    const toggle = screen.getByRole('button', { name: 'Emoji' });
    fireEvent.click(toggle);
    const grid = screen.getByRole('group', { name: 'Insert an emoji' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(grid).getByRole('button', { name: 'grinning face' })),
    );
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const chosen = within(grid).getByRole('button', { name: 'thinking face' });
    expect(document.activeElement).toBe(chosen);
    fireEvent.click(chosen);
    await waitFor(() => expect(box.value).toBe('Thanks 🤔'));
    expect(screen.queryByRole('group', { name: 'Insert an emoji' })).toBeNull();

    fireEvent.click(toggle);
    fireEvent.keyDown(screen.getByRole('group', { name: 'Insert an emoji' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Insert an emoji' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
