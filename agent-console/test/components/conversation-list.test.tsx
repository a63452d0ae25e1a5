/** "My conversations" in the full console: previews, unread counts, live assignment and status. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';
import { generatedVisitorName } from '../../src/state/visitor-name.ts';

const anonymousName = new RegExp(generatedVisitorName('visitor-7f3a9c'));

function seeded(): FakeChannel {
  const channel = new FakeChannel();
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [
    { author: 'visitor', body: 'Hi, my order is late' },
    { author: 'visitor', body: 'Order #1234' },
  ]);
  channel.seed({ id: 'c2', visitorName: null, visitorId: 'visitor-7f3a9c' }, [
    { author: 'visitor', body: 'hello?' },
    { author: 'agent', body: 'Hello! How can I help?' },
  ]);
  return channel;
}

const item = (text: string) => screen.getByText(text).closest('button');

describe('my conversations', () => {
  it('shows each visitor with the latest message, inside a button', async () => {
    await renderConsole({ channel: seeded() });
    const grace = await screen.findByRole('button', { name: /Grace/ });
    expect(within(grace).getByText('Order #1234')).toBeTruthy();
    expect(item('Order #1234')).toBe(grace);
    expect(within(grace).getByText('Active')).toBeTruthy();

    const anonymous = screen.getByRole('button', { name: anonymousName });
    expect(within(anonymous).getByText('Hello! How can I help?')).toBeTruthy();
    expect(within(anonymous).getByText('You:')).toBeTruthy();
  });

  it('counts visitor messages not yet seen, and clears the count once the conversation is open', async () => {
    const { channel } = await renderConsole({ channel: seeded() });
    const grace = await screen.findByRole('button', { name: /Grace/ });
    await waitFor(() => expect(within(grace).getByText('2 unread')).toBeTruthy());
    expect(within(screen.getByRole('button', { name: anonymousName })).queryByText(/unread/)).toBeNull();

    channel.visitorSays('c2', 'still there?');
    expect(await within(screen.getByRole('button', { name: anonymousName })).findByText('1 unread')).toBeTruthy();

    fireEvent.click(grace);
    await waitFor(() => expect(within(grace).queryByText(/unread/)).toBeNull());
    expect(grace.getAttribute('aria-current')).toBe('true');
    expect(channel.payloadsOf('message:seen')).toEqual([{ conversationId: 'c1', seq: 2 }]);
  });

  it('adds a conversation the server assigns and moves its preview as messages arrive', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Linus' }, [
      { author: 'visitor', body: 'Can I get a refund?' },
    ]);
    await renderConsole({ channel });
    expect(
      await screen.findByText('No open conversations. Waiting visitors are assigned to you automatically.'),
    ).toBeTruthy();

    channel.assign('q1');
    const linus = await screen.findByRole('button', { name: /Linus/ });
    expect(within(linus).getByText('Can I get a refund?')).toBeTruthy();
    channel.visitorSays('q1', 'It arrived broken');
    expect(await within(linus).findByText('It arrived broken')).toBeTruthy();
  });

  it('moves a conversation the visitor ended to Closed, marked Ended', async () => {
    const { channel } = await renderConsole({ channel: seeded() });
    await screen.findByRole('button', { name: /Grace/ });
    channel.visitorCloses('c1');
    const closed = await screen.findByRole('region', { name: 'Closed' });
    expect(within(within(closed).getByRole('button', { name: /Grace/ })).getByText('Ended')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'My conversations' })).queryByRole('button', { name: /Grace/ }),
    ).toBeNull();
  });

  it('lists the recently closed conversations after a reload, and reopens one', async () => {
    const channel = seeded();
    channel.seed({ id: 'c3', visitorName: 'Ada', status: 'closed' }, [{ author: 'visitor', body: 'Thanks, bye' }]);
    await renderConsole({ channel });
    const closed = await screen.findByRole('region', { name: 'Closed' });
    const ada = within(closed).getByRole('button', { name: /Ada/ });
    expect(within(ada).getByText('Thanks, bye')).toBeTruthy();
    fireEvent.click(ada);
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen conversation' }));
    await waitFor(() => expect(channel.payloadsOf('conversation:reopen')).toEqual([{ conversationId: 'c3' }]));
    const mine = screen.getByRole('region', { name: 'My conversations' });
    expect(await within(mine).findByRole('button', { name: /Ada/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Closed' })).toBeNull();
  });
});
