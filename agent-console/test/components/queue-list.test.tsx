/** The queue in the full console: order, wait times from a fixed clock, previews, leaving on assignment. */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { iso, T0 } from '../support/fixtures.ts';
import { renderConsole } from '../support/render-console.tsx';

describe('queue', () => {
  it('lists waiting visitors oldest first with their wait time and latest message', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'q-new', status: 'queued', visitorName: 'Newer', createdAt: iso(50_000) }, [
      { author: 'visitor', body: 'just arrived' },
    ]);
    channel.seed({ id: 'q-old', status: 'queued', visitorName: null, visitorId: 'visitor-00abcd', createdAt: iso(0) });
    // the clock reads T0 + 1 h 2 min 5 s
    await renderConsole({ channel, now: T0 + 3_725_000 });

    const queue = screen.getByRole('region', { name: 'Queue' });
    const rows = await within(queue).findAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.queue-item__name')?.textContent)).toEqual(['Bronze Beaver', 'Newer']);
    expect(within(queue).getByText('2 waiting')).toBeTruthy();
    expect(rows[0]?.textContent).toContain('waiting 1h 02m');
    expect(rows[0]?.textContent).toContain('No messages yet');
    expect(rows[1]?.textContent).toContain('waiting 1h 01m');
    expect(within(queue).getByText('just arrived')).toBeTruthy();
  });

  it('shows minutes and seconds for short waits and empties when the visitor is assigned', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Ann', createdAt: iso(0) }, [
      { author: 'visitor', body: 'hello there' },
    ]);
    await renderConsole({ channel, now: T0 + 125_000 });
    const queue = screen.getByRole('region', { name: 'Queue' });
    expect(await within(queue).findByText('2m 05s')).toBeTruthy();

    channel.assign('q1');
    await waitFor(() => expect(within(queue).getByText('Nobody is waiting.')).toBeTruthy());
    expect(screen.getByRole('button', { name: /Ann/ })).toBeTruthy();
    expect(screen.getAllByText('hello there')).toHaveLength(1);
  });
});
