/** The API tokens admin page (issue 21): create a token (shown once, copyable), limit it to sites, revoke it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT } from '../support/fixtures.ts';
import { FakeAdminServer, makeSite } from '../support/fake-admin-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

describe('API tokens page', () => {
  it('creates a token limited to a site, shows it once with a copy button, and lists it without it', async () => {
    const server = new FakeAdminServer();
    server.sites = [makeSite(), makeSite({ id: 'site-2', name: 'Shop', siteKey: 'pk_shop' })];
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderPage('/console/admin/api-tokens', { server });
    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeTruthy();
    expect(await screen.findByText('No API tokens yet.')).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Create a token' });
    type(within(form).getByRole('textbox', { name: 'Name' }), 'CRM sync');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Write' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Only some sites' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Shop' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('region', { name: 'Copy the token for CRM sync now' });
    const field = within(shown).getByRole<HTMLTextAreaElement>('textbox', { name: 'New API token' });
    expect(field.value).toMatch(/^parley_/);
    expect(field.readOnly).toBe(true);
    await waitFor(() => expect(document.activeElement?.id).toBe('new-token-title'));
    fireEvent.click(within(shown).getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith(field.value);
    expect(await within(shown).findByText('Token copied.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'CRM sync',
      scopes: ['read', 'write'],
      siteIds: ['site-2'],
    });

    const row = screen.getByRole('row', { name: /CRM sync/ });
    expect(within(row).getByText('read, write')).toBeTruthy();
    expect(within(row).getByText('Shop')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();
    expect(row.textContent).not.toContain(field.value);

    fireEvent.click(within(shown).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('region', { name: /Copy the token/ })).toBeNull();
  });

  it('says what is missing instead of sending an empty token request', async () => {
    const server = new FakeAdminServer();
    await renderPage('/console/admin/api-tokens', { server });
    const form = await screen.findByRole('region', { name: 'Create a token' });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Read' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('choose at least one scope')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('revokes a token after a confirmation', async () => {
    const server = new FakeAdminServer();
    server.apiTokens = [
      {
        id: 'tok_1',
        name: 'Billing',
        scopes: ['read'],
        siteIds: null,
        prefix: 'parley_abcdef',
        createdBy: AGENT.id,
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: '2026-01-02T00:00:00.000Z',
        revokedAt: null,
      },
    ];
    await renderPage('/console/admin/api-tokens', { server });
    const row = await screen.findByRole('row', { name: /Billing/ });
    expect(within(row).getByText('All sites')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Billing' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Confirm: revoke Billing' }));
    expect(await screen.findByText(/Billing is revoked/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Billing/ })).getByText(/^Revoked/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Billing/ })).queryByRole('button')).toBeNull();
  });

  it('shows an external bot’s token for what it is, and warns before it is revoked', async () => {
    const server = new FakeAdminServer();
    server.apiTokens = [
      {
        id: 'tok_bot',
        name: 'External bot of Demo',
        scopes: ['write'],
        siteIds: ['site-1'],
        botSiteId: 'site-1',
        prefix: 'parley_botbot',
        createdBy: AGENT.id,
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
    ];
    await renderPage('/console/admin/api-tokens', { server });
    const row = await screen.findByRole('row', { name: /External bot of Demo/ });
    expect(within(row).getByText('External bot: the conversations its bot holds')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke External bot of Demo' }));
    expect(within(row).getByText(/The bot stops until its credentials are rotated/)).toBeTruthy();
  });

  it('is for admins only', async () => {
    await renderPage('/console/admin/api-tokens', { agent: AGENT });
    expect(screen.getByRole('alert').textContent).toMatch(/Only admins can open this page/);
  });
});
