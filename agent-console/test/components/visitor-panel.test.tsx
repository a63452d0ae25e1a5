/** The visitor panel beside a conversation: profile, pages, browser, earlier chats, updated by pushes. */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { iso } from '../support/fixtures.ts';
import { renderConsole } from '../support/render-console.tsx';
import { renderPage } from '../support/render-page.tsx';
import { generatedVisitorName } from '../../src/state/visitor-name.ts';
import { makeLiveVisitor, makeVisitorDetails } from '../support/visitor-fixtures.ts';

afterEach(() => history.replaceState(null, '', '/'));

const VISITOR = 'visitor-of-c1';

async function openGrace() {
  const channel = new FakeChannel();
  channel.seed({ id: 'c1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Is the pro plan monthly?' }]);
  channel.visitorProfiles.set(
    VISITOR,
    makeVisitorDetails({
      visitorId: VISITOR,
      verified: true,
      externalUserId: 'u_42',
      attributes: { plan: 'pro', seats: 3 },
      timeZone: 'Asia/Tokyo',
      referrer: 'https://search.example/?q=chat',
      pages: [{ url: 'https://shop.example/', title: 'Home', referrer: 'https://search.example/?q=chat', at: iso(0) }],
      previousConversations: [
        { id: 'c1', createdAt: iso(1000), status: 'active', firstMessage: 'Is the pro plan monthly?' },
        { id: 'c0', createdAt: iso(-86_400_000), status: 'closed', firstMessage: 'Do you ship to Spain?' },
      ],
    }),
  );
  const harness = await renderConsole({ channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  const panel = await screen.findByRole('complementary', { name: 'Visitor' });
  await within(panel).findByText('Home');
  return { ...harness, panel };
}

describe('visitor panel', () => {
  it('shows who the visitor is, marked verified, with attributes, browser, referrer and earlier chats', async () => {
    const { panel, channel } = await openGrace();
    expect(channel.payloadsOf('visitor:details')).toEqual([{ conversationId: 'c1' }]);
    expect(within(panel).getByText('Verified')).toBeTruthy();
    expect(within(panel).getByText('grace@example.com')).toBeTruthy();
    expect(within(panel).getByText('u_42')).toBeTruthy();
    expect(within(panel).getByText('plan').nextElementSibling?.textContent).toBe('pro');
    expect(within(panel).getByText('seats').nextElementSibling?.textContent).toBe('3');
    expect(within(panel).getByText('Firefox 121 on Linux')).toBeTruthy();
    expect(within(panel).getByText('https://search.example/?q=chat')).toBeTruthy();
    expect(within(panel).getByText('On the site for 1m 00s')).toBeTruthy();
    // the console's clock is 10:01 UTC: 19:01 in Tokyo, however this browser writes times
    expect(within(panel).getByText('Local time').nextElementSibling?.textContent).toMatch(
      /^(19:01|07:01\s?PM) \(Asia\/Tokyo\)$/,
    );
    // the open conversation itself is not listed among the earlier ones
    const previous = within(panel).getByRole('list', { name: 'Previous conversations' });
    expect(
      within(previous)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringMatching(/closed.*Do you ship to Spain\?/)]);
  });

  it('follows the visitor to the next page when the server pushes it', async () => {
    const { panel, channel } = await openGrace();
    const home = { url: 'https://shop.example/', title: 'Home', referrer: null, at: iso(0) };
    channel.visitorChanged(
      makeVisitorDetails({
        visitorId: VISITOR,
        pages: [{ url: 'https://shop.example/pricing', title: 'Pricing', referrer: null, at: iso(30_000) }, home],
      }),
    );
    const current = await within(panel).findByRole('link', { name: 'Pricing' });
    expect(current.getAttribute('href')).toBe('https://shop.example/pricing');
    const visited = within(panel).getByRole('list', { name: 'Pages visited, latest first' });
    expect(within(visited).getByText('Home')).toBeTruthy();
    expect(within(panel).queryByText('Verified')).toBeNull();
  });

  it('says so when the visitor has left and gave no details', async () => {
    const { panel, channel } = await openGrace();
    channel.visitorChanged(
      makeVisitorDetails({
        visitorId: VISITOR,
        name: null,
        email: null,
        online: false,
        onlineSince: null,
        software: null,
      }),
    );
    await within(panel).findByText('Not on the site now');
    expect(within(panel).getAllByText('Not given')).toHaveLength(2);
    expect(within(panel).getByText('Local time').nextElementSibling?.textContent).toBe('Unknown');
    expect(within(panel).getByText('No page reported yet')).toBeTruthy();
  });
});

describe('live visitors page', () => {
  it('lists who is on the sites with page, time on site and chat state, and follows pushes', async () => {
    const channel = new FakeChannel();
    channel.liveList = [
      makeLiveVisitor({
        visitorId: 'v1',
        name: 'Grace',
        chatting: true,
        currentPage: { url: 'https://shop.example/pricing', title: 'Pricing' },
      }),
    ];
    await renderPage('/console/visitors', { channel });
    const table = await screen.findByRole('table', { name: '1 visitor on your sites now' });
    const [, row] = within(table).getAllByRole('row');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Grace', 'Pricing', '1m 00s', 'Chatting', 'Chrome 131 on Windows', '']);

    channel.liveChanged([...channel.liveList, makeLiveVisitor({ visitorId: 'v2', onlineSince: iso(30_000) })]);
    const grown = await screen.findByRole('table', { name: '2 visitors on your sites now' });
    // an anonymous visitor gets the same made-up name as in the inbox
    expect(within(grown).getByText(generatedVisitorName('v2'))).toBeTruthy();

    channel.liveChanged([]);
    expect(await screen.findByText('Nobody is on your sites right now.')).toBeTruthy();
  });

  it('is linked in the nav for every agent', async () => {
    await renderPage('/console/', { channel: new FakeChannel() });
    const nav = screen.getByRole('navigation', { name: 'Console pages' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Live visitors' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Live visitors' })).toBeTruthy();
    expect(location.pathname).toBe('/console/visitors');
  });
});
