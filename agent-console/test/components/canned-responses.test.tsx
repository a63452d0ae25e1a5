/** Canned responses: inserted in the reply box with /shortcut, and managed on their page. */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { slashTokenAt } from '../../src/components/canned-suggestions.tsx';
import { AGENT, iso } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
/** Types as a person would: the caret ends up after the text. */
function type(text: string): void {
  const box = composer();
  box.value = text;
  box.setSelectionRange(text.length, text.length);
  fireEvent.input(box);
}

async function openConversation() {
  const server = new FakeAdminServer();
  server.canned = [
    {
      id: 'c1',
      scope: 'shared',
      shortcut: 'thanks',
      body: 'Thanks for waiting!',
      createdAt: iso(0),
      updatedAt: iso(0),
    },
    { id: 'c2', scope: 'shared', shortcut: 'hours', body: 'We answer 9–17 CET.', createdAt: iso(0), updatedAt: iso(0) },
    { id: 'c3', scope: 'personal', shortcut: 'thx', body: 'Thx! — Ada', createdAt: iso(0), updatedAt: iso(0) },
  ];
  const channel = new FakeChannel(AGENT);
  channel.seed({ id: 'conv-1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Hello?' }]);
  const harness = await renderPage('/console/', { agent: AGENT, server, channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  await within(screen.getByRole('log')).findByText('Hello?');
  return { ...harness, server };
}

describe('/shortcut in the reply box', () => {
  it('finds the slash word before the caret only at a word start', () => {
    expect(slashTokenAt('/th', 3)).toEqual({ start: 0, end: 3, query: 'th' });
    expect(slashTokenAt('Hi /Th', 6)).toEqual({ start: 3, end: 6, query: 'th' });
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('/th and more', 11)).toBeNull();
  });

  it('lists matching responses and inserts the chosen one with Tab, keeping the rest of the draft', async () => {
    const { channel } = await openConversation();
    type('Hi! /th');
    const list = await screen.findByRole('listbox', { name: 'Canned responses' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['/thanksThanks for waiting!', '/thxThx! — Ada']);
    expect(composer().getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]?.id);

    fireEvent.keyDown(composer(), { key: 'ArrowDown' });
    expect(within(list).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(composer(), { key: 'Tab' });
    expect(composer().value).toBe('Hi! Thx! — Ada');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(channel.sends).toEqual([]);
  });

  it('inserts with Enter instead of sending, then Enter sends', async () => {
    const { channel } = await openConversation();
    type('/hou');
    await screen.findByRole('listbox', { name: 'Canned responses' });
    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(composer().value).toBe('We answer 9–17 CET.');
    expect(channel.sends).toEqual([]);
    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(channel.sends.map((s) => s.body)).toEqual(['We answer 9–17 CET.']);
  });

  it('closes on Escape and when nothing matches; asks the server once', async () => {
    const { server } = await openConversation();
    type('/t');
    await screen.findByRole('listbox');
    fireEvent.keyDown(composer(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    type('/zzz');
    expect(screen.queryByRole('listbox')).toBeNull();
    type('/h');
    await screen.findByRole('listbox');
    expect(server.requests.filter((r) => r.path === '/api/canned-responses')).toHaveLength(1);
  });
});

describe('canned responses page', () => {
  it('lets an agent add their own and read, not change, the shared set', async () => {
    const server = new FakeAdminServer();
    server.canned = [
      {
        id: 'c1',
        scope: 'shared',
        shortcut: 'thanks',
        body: 'Thanks for waiting!',
        createdAt: iso(0),
        updatedAt: iso(0),
      },
    ];
    await renderPage('/console/canned-responses', { agent: AGENT, server });
    const shared = await screen.findByRole('region', { name: 'Shared with everyone' });
    expect(within(shared).getByText('Thanks for waiting!')).toBeTruthy();
    expect(within(shared).queryByRole('button')).toBeNull();

    const mine = screen.getByRole('region', { name: 'Your canned responses' });
    fireEvent.input(within(mine).getByLabelText('Shortcut'), { target: { value: '/sig' } });
    fireEvent.input(within(mine).getByLabelText('Text'), { target: { value: '— Ada' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Add response' }));
    expect(await within(mine).findByText('/sig')).toBeTruthy();
    expect(server.canned.map((c) => [c.scope, c.shortcut])).toEqual([
      ['shared', 'thanks'],
      ['personal', 'sig'],
    ]);
  });
});
