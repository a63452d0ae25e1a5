/** Status, load and manual Accept in the full console against the in-memory server. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { iso, T0 } from '../support/fixtures.ts';
import { renderConsole } from '../support/render-console.tsx';

const statusSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' });

describe('status and load', () => {
  it('shows the stored status and the chats held of the capacity, and changes the status', async () => {
    const channel = new FakeChannel();
    channel.status = 'away';
    channel.seed({ id: 'c1', visitorName: 'Grace' });
    await renderConsole({ channel });
    expect(statusSelect().value).toBe('away');
    expect(screen.getByText('1 of 3 chats')).toBeTruthy();

    fireEvent.change(statusSelect(), { target: { value: 'online' } });
    await waitFor(() => expect(statusSelect().value).toBe('online'));
    expect(channel.payloadsOf('agent:status')).toEqual([{ status: 'online' }]);

    // another tab of the same agent chose offline
    channel.push({ event: 'agent:status', payload: { status: 'offline' } });
    await waitFor(() => expect(statusSelect().value).toBe('offline'));
  });
});

describe('manual accept', () => {
  async function manualQueue() {
    const channel = new FakeChannel();
    channel.routingMode = 'manual';
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Ann', createdAt: iso(0) }, [
      { author: 'visitor', body: 'Where is my parcel?' },
      { author: 'visitor', body: 'hello??' },
    ]);
    channel.seed({ id: 'q2', status: 'queued', visitorName: 'Ben', createdAt: iso(10_000) }, [
      { author: 'visitor', body: 'Do you ship to Norway?' },
    ]);
    const harness = await renderConsole({ channel, now: T0 + 125_000 });
    const queue = screen.getByRole('region', { name: 'Queue' });
    return { ...harness, queue };
  }

  it('shows each waiting visitor’s wait and first message, and Accept opens the chat', async () => {
    const { channel, queue } = await manualQueue();
    const rows = await within(queue).findAllByRole('listitem');
    expect(rows[0]?.textContent).toContain('Where is my parcel?');
    expect(rows[0]?.textContent).not.toContain('hello??');
    expect(rows[0]?.textContent).toContain('waiting 2m 05s');

    fireEvent.click(within(queue).getByRole('button', { name: 'Accept chat with Ann' }));
    expect(await screen.findByRole('heading', { name: 'Ann' })).toBeTruthy();
    expect(channel.payloadsOf('conversation:accept')).toEqual([{ conversationId: 'q1' }]);
    await waitFor(() => expect(within(queue).queryByRole('button', { name: 'Accept chat with Ann' })).toBeNull());
    expect(await within(screen.getByRole('log')).findByText('hello??')).toBeTruthy();
    expect(screen.getByText('1 of 3 chats')).toBeTruthy();
  });

  it('drops a visitor another agent accepted, and says so when the click lost the race', async () => {
    const { channel, queue } = await manualQueue();
    await within(queue).findByRole('button', { name: 'Accept chat with Ben' });
    channel.otherAgentAccepts('q1', 'Bob');
    await waitFor(() => expect(within(queue).queryByRole('button', { name: 'Accept chat with Ann' })).toBeNull());

    // Bob's accept landed on the server first, this console had not heard yet
    channel.disconnect();
    channel.otherAgentAccepts('q2', 'Bob');
    channel.connected = true;
    fireEvent.click(within(queue).getByRole('button', { name: 'Accept chat with Ben' }));
    expect((await within(queue).findByRole('alert')).textContent).toBe('Bob has already accepted this conversation');
    expect(screen.queryByRole('heading', { name: 'Ben' })).toBeNull();
  });

  it('cannot accept while away', async () => {
    const { queue } = await manualQueue();
    fireEvent.change(statusSelect(), { target: { value: 'away' } });
    await waitFor(() =>
      expect(within(queue).getByRole<HTMLButtonElement>('button', { name: 'Accept chat with Ann' }).disabled).toBe(
        true,
      ),
    );
    expect(within(queue).getByText('Set your status to Online to accept chats.')).toBeTruthy();
  });
});
