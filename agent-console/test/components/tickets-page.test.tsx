/**
 * The tickets page and "Convert to ticket": status tabs and email search, the ticket with its thread,
 * reply / note / solve / reopen / assign to me, live updates from ticket pushes, and the plain banner
 * when email is not configured.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT, iso } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { makeTicket } from '../support/fake-tickets.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

function seededChannel(): FakeChannel {
  const channel = new FakeChannel(AGENT);
  channel.tickets.seed(makeTicket({ conversationId: 'tk-old', email: 'old@example.com', lastActivityAt: iso(1_000) }), [
    'Old question',
  ]);
  channel.tickets.seed(
    makeTicket({ conversationId: 'tk-new', email: 'grace@example.com', lastActivityAt: iso(5_000) }),
    ['Where is my parcel?'],
  );
  channel.tickets.seed(
    makeTicket({
      conversationId: 'tk-pending',
      email: 'bob@example.org',
      status: 'pending',
      assignee: { id: 'agent-2', name: 'Bob' },
    }),
    ['Waiting on me'],
  );
  return channel;
}

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');
const tab = (name: string) => screen.getByRole('button', { name, pressed: undefined });

describe('tickets page', () => {
  it('is in the nav for every agent and lists open tickets newest activity first, by tab and email', async () => {
    const { channel } = await renderPage('/console/tickets', { agent: AGENT, channel: seededChannel() });
    expect(screen.getByRole('link', { name: 'Tickets' }).getAttribute('aria-current')).toBe('page');
    await screen.findByRole('table');
    expect(rows()).toEqual([
      expect.stringMatching(/^grace@example\.comUnassigned/),
      expect.stringMatching(/^old@example\.comUnassigned/),
    ]);
    expect(tab('Open').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(tab('Pending'));
    await waitFor(() => expect(rows()).toEqual([expect.stringMatching(/^bob@example\.orgBob/)]));

    fireEvent.click(tab('Open'));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search by email' }), { target: { value: 'GRACE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(rows()).toEqual([expect.stringMatching(/^grace@example\.com/)]));
    expect(channel.tickets.calls.filter((c) => c.event === 'ticket:list').at(-1)?.payload).toEqual({
      status: 'open',
      email: 'GRACE',
      page: 0,
    });

    fireEvent.click(tab('Solved'));
    expect(await screen.findByText('No solved tickets for “GRACE”.')).toBeTruthy();
  });

  it('opens a ticket with its thread; replies, notes, assigns to me, solves and reopens', async () => {
    const { channel } = await renderPage('/console/tickets', { agent: AGENT, channel: seededChannel() });
    fireEvent.click(await screen.findByRole('button', { name: 'grace@example.com' }));
    const ticket = await screen.findByRole('region', { name: 'grace@example.com' });
    await within(ticket).findByText('Where is my parcel?');
    expect(within(ticket).getByText('Unassigned')).toBeTruthy();

    fireEvent.click(within(ticket).getByRole('button', { name: 'Assign to me' }));
    await within(ticket).findByText('Assigned to you');
    expect(within(ticket).queryByRole('button', { name: 'Assign to me' })).toBeNull();

    fireEvent.input(within(ticket).getByRole('textbox', { name: 'Internal note' }), {
      target: { value: 'Check the courier' },
    });
    fireEvent.click(within(ticket).getByRole('button', { name: 'Add note' }));
    await within(ticket).findByText('Check the courier');
    expect(within(ticket).getByText('Internal note', { selector: '.note__label' })).toBeTruthy();

    fireEvent.input(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' }), {
      target: { value: 'It ships today.' },
    });
    fireEvent.click(within(ticket).getByRole('button', { name: 'Send reply' }));
    await within(ticket).findByText('It ships today.');
    expect(within(ticket).getByText('Pending')).toBeTruthy();
    expect(channel.tickets.calls.find((c) => c.event === 'ticket:reply')?.payload).toMatchObject({
      conversationId: 'tk-new',
      body: 'It ships today.',
    });
    // answered: it leaves the Open tab by the push, without a reload
    await waitFor(() => expect(rows()).toEqual([expect.stringMatching(/^old@example\.com/)]));

    fireEvent.click(within(ticket).getByRole('button', { name: 'Solve ticket' }));
    await within(ticket).findByRole('button', { name: 'Reopen ticket' });
    fireEvent.click(within(ticket).getByRole('button', { name: 'Reopen ticket' }));
    await within(ticket).findByRole('button', { name: 'Solve ticket' });
    expect(channel.tickets.calls.filter((c) => c.event === 'ticket:status').map((c) => c.payload)).toEqual([
      { conversationId: 'tk-new', status: 'solved' },
      { conversationId: 'tk-new', status: 'open' },
    ]);
  });

  it('follows pushes: an emailed reply reopens a ticket into the Open tab and shows in the open thread', async () => {
    const channel = seededChannel();
    await renderPage('/console/tickets', { agent: AGENT, channel });
    await screen.findByRole('table');
    await act(() => channel.tickets.changedElsewhere('tk-old', { status: 'solved' }));
    await waitFor(() => expect(rows()).toEqual([expect.stringMatching(/^grace@example\.com/)]));

    fireEvent.click(screen.getByRole('button', { name: 'grace@example.com' }));
    const ticket = await screen.findByRole('region', { name: 'grace@example.com' });
    await within(ticket).findByText('Where is my parcel?');
    await act(() => channel.tickets.visitorEmails('tk-old', 'Actually, one more thing'));
    await waitFor(() => expect(rows()[0]).toMatch(/^old@example\.com/));
    await act(() => channel.tickets.visitorEmails('tk-new', 'Any news?'));
    await within(ticket).findByText('Any news?');
  });

  it('says plainly when email is not configured', async () => {
    const server = new FakeAdminServer();
    server.emailStatus = { ...server.emailStatus, outbound: { configured: false, pending: 2, failed: 0 } };
    await renderPage('/console/tickets', { agent: AGENT, server, channel: seededChannel() });
    expect((await screen.findByText(/^Email is not configured/)).textContent).toMatch(
      /2 emails are waiting in the outbox/,
    );
  });

  it('shows no banner when email is configured', async () => {
    await renderPage('/console/tickets', { agent: AGENT, channel: seededChannel() });
    await screen.findByRole('table');
    expect(screen.queryByText(/Email is not configured/)).toBeNull();
  });
});

describe('convert to ticket', () => {
  it('asks for an email when the visitor gave none, and says the chat continues by email', async () => {
    const channel = new FakeChannel(AGENT);
    channel.seed({ id: 'conv-1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Hello?' }]);
    await renderPage('/console/', { agent: AGENT, channel });
    fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Convert to ticket' }));
    fireEvent.click(screen.getByRole('button', { name: 'Convert' }));
    // the browser's own check stops an empty address; the server's answer shows when it gets through anyway
    expect(channel.tickets.calls.filter((c) => c.event === 'ticket:convert')).toHaveLength(0);
    fireEvent.input(screen.getByRole('textbox', { name: "Visitor's email" }), {
      target: { value: 'grace@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Convert' }));
    expect((await screen.findByText(/This conversation continues by email as a ticket/)).textContent).toContain(
      'Open Tickets',
    );
    expect(channel.tickets.calls.find((c) => c.event === 'ticket:convert')?.payload).toEqual({
      conversationId: 'conv-1',
      email: 'grace@example.com',
    });
  });

  it('converts at once when the visitor gave an email', async () => {
    const channel = new FakeChannel(AGENT);
    channel.seed({ id: 'conv-2', visitorName: 'Ann', visitorEmail: 'ann@example.com' }, [
      { author: 'visitor', body: 'Hi' },
    ]);
    await renderPage('/console/', { agent: AGENT, channel });
    fireEvent.click(await screen.findByRole('button', { name: /Ann/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Convert to ticket' }));
    // the conversation:updated push moves the chat to email
    expect((await screen.findByText(/This conversation continues by email as a ticket/)).textContent).toContain(
      'Open Tickets',
    );
    expect(channel.tickets.calls.find((c) => c.event === 'ticket:convert')?.payload).toEqual({
      conversationId: 'conv-2',
    });
  });

  it('converts a conversation that already ended, from the Closed list', async () => {
    const channel = new FakeChannel(AGENT);
    channel.seed({ id: 'conv-3', visitorName: 'Lin', visitorEmail: 'lin@example.com', status: 'closed' }, [
      { author: 'visitor', body: 'Bye' },
    ]);
    await renderPage('/console/', { agent: AGENT, channel });
    fireEvent.click(within(await screen.findByRole('region', { name: 'Closed' })).getByRole('button', { name: /Lin/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Convert to ticket' }));
    expect((await screen.findByText(/This conversation continues by email as a ticket/)).textContent).toContain(
      'Open Tickets',
    );
    expect(channel.tickets.calls.find((c) => c.event === 'ticket:convert')?.payload).toEqual({
      conversationId: 'conv-3',
    });
  });
});
