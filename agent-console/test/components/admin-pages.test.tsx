/** The admin pages in the full console: who sees them, managing agents, editing a site. */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

describe('console pages', () => {
  it('shows admin pages in the nav to admins only, and tells an agent who opens one by URL', async () => {
    await renderPage('/console/admin/agents', { agent: AGENT });
    const nav = screen.getByRole('navigation', { name: 'Console pages' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Conversations', 'Tickets', 'Live visitors', 'Canned responses']);
    expect(within(nav).queryByRole('button', { name: 'Admin' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Agents', hidden: true })).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/Only admins can open this page/);
  });

  it('moves between pages through the nav without reloading, the settings pages behind Admin', async () => {
    await renderPage('/console/');
    const nav = screen.getByRole('navigation', { name: 'Console pages' });
    const links = () =>
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent);
    expect(links()).toEqual(['Conversations', 'Tickets', 'Live visitors', 'Canned responses', 'Reports', 'Agents now']);
    const admin = within(nav).getByRole('button', { name: 'Admin' });
    expect(admin.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(admin);
    expect(admin.getAttribute('aria-expanded')).toBe('true');
    expect(links().slice(6)).toEqual(['Agents', 'Sites', 'Rules', 'Help center', 'Webhooks', 'API tokens']);

    fireEvent.click(within(nav).getByRole('link', { name: 'Sites' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sites' })).toBeTruthy();
    expect(location.pathname).toBe('/console/admin/sites');
    const navNow = screen.getByRole('navigation', { name: 'Console pages' });
    const adminNow = within(navNow).getByRole('button', { name: 'Admin' });
    // a link followed closes the menu; the button stays marked while one of its pages is open
    expect(adminNow.getAttribute('aria-expanded')).toBe('false');
    expect(adminNow.classList.contains('admin-pages__toggle--current')).toBe(true);
    expect(within(navNow).queryByRole('link', { name: 'Sites' })).toBeNull();
    fireEvent.click(adminNow);
    const sites = within(navNow).getByRole('link', { name: 'Sites' });
    expect(sites.getAttribute('aria-current')).toBe('page');
    expect(within(navNow).getByRole('link', { name: 'Conversations' }).getAttribute('aria-current')).toBeNull();

    // Escape closes it and gives the focus back to its button
    sites.focus();
    fireEvent.keyDown(sites, { key: 'Escape' });
    expect(adminNow.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(adminNow);
    // a click elsewhere closes it too
    fireEvent.click(adminNow);
    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(adminNow.getAttribute('aria-expanded')).toBe('false'));
  });
});

describe('agents page', () => {
  it('lists the team and adds an agent, showing refusals beside the fields', async () => {
    const { server } = await renderPage('/console/admin/agents');
    const table = await screen.findByRole('table', { name: 'Agents' });
    expect(within(table).getByRole('rowheader', { name: 'Ada (you)' })).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Add an agent' });
    type(within(form).getByLabelText('Name'), 'Grace');
    type(within(form).getByLabelText('Email'), 'grace@example.com');
    type(within(form).getByLabelText('Password'), 'short');
    fireEvent.click(within(form).getByRole('button', { name: 'Add agent' }));
    // refused before it is sent, with the shared schema's words next to the field
    expect(await within(form).findByText('must be at least 8 characters')).toBeTruthy();
    expect(within(form).getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);

    type(within(form).getByLabelText('Password'), 'long enough secret');
    fireEvent.click(within(form).getByRole('button', { name: 'Add agent' }));
    await within(table).findByRole('rowheader', { name: 'Grace' });
    expect(screen.getByText('Grace was added. They can sign in now.').getAttribute('role')).toBe('status');
    expect(server.agents.map((a) => a.email)).toEqual(['ada@example.com', 'grace@example.com']);

    fireEvent.click(within(table).getByRole('button', { name: 'Deactivate Grace' }));
    await within(table).findByRole('button', { name: 'Reactivate Grace' });
    expect(server.agents.find((a) => a.email === 'grace@example.com')?.active).toBe(false);
  });

  it('shows the server’s conflict when an email is taken', async () => {
    await renderPage('/console/admin/agents');
    const form = await screen.findByRole('region', { name: 'Add an agent' });
    type(within(form).getByLabelText('Name'), 'Ada 2');
    type(within(form).getByLabelText('Email'), 'ada@example.com');
    type(within(form).getByLabelText('Password'), 'long enough secret');
    fireEvent.click(within(form).getByRole('button', { name: 'Add agent' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Another agent already has this email address');
  });
});

describe('sites page', () => {
  it('shows the snippet, warns about a colour too pale for the launcher, and saves normalised settings', async () => {
    const { server } = await renderPage('/console/admin/sites');
    const editor = await screen.findByRole('form', { name: 'Settings of Demo' });
    expect(within(editor).getByLabelText<HTMLTextAreaElement>('Snippet to paste before </body>').value).toContain(
      'data-site-key="pk_demo"',
    );

    type(within(editor).getByLabelText('Colour'), '#ffee00');
    expect(within(editor).getByText(/Low contrast: this colour has 1\.\d:1 against a white page/)).toBeTruthy();
    type(within(editor).getByLabelText('Colour'), '#1f57b8');
    expect(within(editor).queryByText(/Low contrast/)).toBeNull();

    type(within(editor).getByLabelText('Allowed origins'), 'http://localhost:3000\nhttps://shop.example/checkout');
    fireEvent.click(within(editor).getByRole('button', { name: 'Save site' }));
    expect(await within(editor).findByText(/https:\/\/shop\.example\/checkout: must be an origin/)).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'PATCH')).toEqual([]);

    type(within(editor).getByLabelText('Allowed origins'), 'http://localhost:3000\nhttps://Shop.example/');
    fireEvent.click(within(editor).getByLabelText('Keep business hours'));
    type(within(editor).getByLabelText('Time zone'), 'Europe/Berlin');
    fireEvent.click(within(editor).getByLabelText('Open on Monday'));
    const maxWait = within(editor).getByLabelText('Longest wait before answering by email (seconds)');
    expect(within(editor).getByText(/Empty: the server's default \(300\)\. 0: never\./)).toBeTruthy();
    type(maxWait, '90');
    fireEvent.click(within(editor).getByRole('button', { name: 'Save site' }));
    await within(editor).findByText(/^Saved\./);
    const sent = server.requests.find((r) => r.method === 'PATCH')?.body;
    expect(sent).toMatchObject({
      queueMaxWaitSeconds: 90,
      color: '#1f57b8',
      allowedOrigins: ['http://localhost:3000', 'https://Shop.example/'],
      businessHours: {
        enabled: true,
        timeZone: 'Europe/Berlin',
        days: [{ day: 'mon', open: '09:00', close: '17:00' }],
      },
    });
    // the server's normalised answer is what the editor shows now
    await waitFor(() =>
      expect(within(editor).getByLabelText<HTMLTextAreaElement>('Allowed origins').value).toBe(
        'http://localhost:3000\nhttps://shop.example',
      ),
    );
  });

  it('adds a site and opens it', async () => {
    const server = new FakeAdminServer();
    await renderPage('/console/admin/sites', { server });
    const form = await screen.findByRole('region', { name: 'Add a site' });
    type(within(form).getByLabelText('New site name'), 'Shoes');
    type(within(form).getByLabelText('Its origins'), 'https://shoes.example');
    fireEvent.click(within(form).getByRole('button', { name: 'Add site' }));
    expect(await screen.findByRole('form', { name: 'Settings of Shoes' })).toBeTruthy();
    expect(server.sites.map((s) => s.allowedOrigins)).toEqual([['http://localhost:3000'], ['https://shoes.example']]);
  });
});
