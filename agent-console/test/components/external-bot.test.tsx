/**
 * The external bot in the console (bot-external): choosing External shows the bot's section; a wrong
 * URL is marked; registering shows the secret and token once, with copy buttons; a URL change keeps
 * them hidden; rotating shows new ones; unregistering goes back to registration and the mode to off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });

describe('external bot', () => {
  it('registers, shows the credentials once, rotates them and unregisters', async () => {
    const server = new FakeAdminServer();
    await renderPage('/console/admin/sites', { server });
    const settings = await screen.findByRole('form', { name: 'Answer bot' });
    expect(screen.queryByRole('form', { name: 'External bot' })).toBeNull();
    fireEvent.change(await within(settings).findByLabelText('Bot'), { target: { value: 'external' } });
    expect(await screen.findByText('Loading the external bot…')).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'External bot' });

    type(await within(form).findByLabelText('Bot URL'), 'ftp://bot.example.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Register bot' }));
    expect(await within(form).findByText('The URL needs fixing.')).toBeTruthy();
    expect(within(form).getByLabelText('Bot URL').getAttribute('aria-invalid')).toBe('true');

    type(within(form).getByLabelText('Bot URL'), 'https://bot.example.com/parley');
    fireEvent.click(within(form).getByRole('button', { name: 'Register bot' }));
    const secret = await within(form).findByLabelText('Signing secret');
    expect(secret.textContent).toBe('whsec_secret1abcd');
    expect(within(form).getByLabelText('Bot API token').textContent).toBe('parley_token1xyz');
    expect(within(form).getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Copy token' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Copy the bot's secret and token now"));
    fireEvent.click(within(form).getByRole('button', { name: 'I have stored them' }));
    expect(within(form).queryByLabelText('Signing secret')).toBeNull();
    expect(within(form).getByText('…abcd')).toBeTruthy();

    // a new URL keeps the credentials: nothing to show
    type(within(form).getByLabelText('Bot URL'), 'https://bot.example.com/v2');
    fireEvent.click(within(form).getByRole('button', { name: 'Change URL' }));
    await within(form).findByText('URL changed.');
    expect(within(form).queryByLabelText('Signing secret')).toBeNull();
    expect(server.externalBots.bots.get('site-1')?.url).toBe('https://bot.example.com/v2');

    fireEvent.click(within(form).getByRole('button', { name: 'Rotate credentials' }));
    expect((await within(form).findByLabelText('Bot API token')).textContent).toBe('parley_token2xyz');

    fireEvent.click(within(form).getByRole('button', { name: 'Unregister bot' }));
    await within(settings).findByText(/^External bot unregistered/);
    expect(screen.queryByRole('form', { name: 'External bot' })).toBeNull();
    expect(server.externalBots.bots.has('site-1')).toBe(false);
    expect(within(settings).getByLabelText<HTMLSelectElement>('Bot').value).toBe('off');
  });

  it('says when the bot cannot be loaded', async () => {
    const server = new FakeAdminServer();
    server.unavailable.add('GET /api/admin/sites/site-1/bot/external');
    await renderPage('/console/admin/sites', { server });
    const settings = await screen.findByRole('form', { name: 'Answer bot' });
    fireEvent.change(await within(settings).findByLabelText('Bot'), { target: { value: 'external' } });
    expect((await screen.findByRole('alert')).textContent).toBe('The server is not answering.');
  });
});
