/** The Webhooks page in the full console: adding an endpoint (secret shown once), refusals beside the field, editing, disabling, test events, deliveries and redelivery, rotating and deleting. */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT, iso } from '../support/fixtures.ts';
import { FakeWebhooksServer } from '../support/fake-webhooks-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

describe('webhooks page', () => {
  it('adds an endpoint with the chosen events and shows its secret once', async () => {
    const server = new FakeWebhooksServer();
    await renderPage('/console/admin/webhooks', { server });
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Webhooks', hidden: true }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const form = screen.getByRole('form', { name: 'New endpoint' });
    type(within(form).getByLabelText('Endpoint URL'), ' https://crm.example.com/hooks ');
    fireEvent.click(within(form).getByLabelText('Message created (visitor, agent or bot)'));
    fireEvent.click(within(form).getByLabelText('Ticket solved'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save endpoint' }));

    const secret = await screen.findByLabelText('Signing secret');
    expect(secret.textContent).toMatch(/^whsec_/);
    expect(document.activeElement?.textContent).toContain('Signing secret for https://crm.example.com/hooks');
    const created = server.requests.find((r) => r.method === 'POST' && r.path.endsWith('/webhooks'));
    expect(created?.body).toEqual({
      url: 'https://crm.example.com/hooks',
      events: ['conversation.created', 'ticket.solved'],
      enabled: true,
    });
    const row = screen.getByRole('row', { name: /crm\.example\.com\/hooks/ });
    expect(within(row).getByText(`…${(secret.textContent ?? '').slice(-4)}`)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
  });

  it('shows a refused URL beside the field and asks for at least one event', async () => {
    const server = new FakeWebhooksServer();
    await renderPage('/console/admin/webhooks', { server });
    fireEvent.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const form = screen.getByRole('form', { name: 'New endpoint' });
    const url = within(form).getByLabelText('Endpoint URL');
    type(url, 'http://10.0.0.5/hook');
    fireEvent.click(within(form).getByRole('button', { name: 'Save endpoint' }));
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(/not a public address/)).toBeTruthy();

    fireEvent.click(within(form).getByLabelText('Conversation created'));
    fireEvent.click(within(form).getByLabelText('Message created (visitor, agent or bot)'));
    expect(within(form).getByText('Choose at least one event.')).toBeTruthy();
    const before = server.requests.length;
    fireEvent.click(within(form).getByRole('button', { name: 'Save endpoint' }));
    expect(server.requests.length).toBe(before);
  });

  it('edits and disables an endpoint, sends a test event and redelivers from the deliveries', async () => {
    const server = new FakeWebhooksServer();
    const endpoint = server.addEndpoint();
    server.deliveries.set(endpoint.id, [
      {
        id: 'whd-old',
        eventId: 'evt-old',
        eventType: 'message.created',
        status: 'failed',
        attempts: 12,
        nextAttemptAt: iso(0),
        lastAttemptAt: iso(60_000),
        responseStatus: 503,
        responseExcerpt: 'down for maintenance',
        createdAt: iso(0),
        deliveredAt: null,
      },
    ]);
    await renderPage('/console/admin/webhooks', { server });

    fireEvent.click(await screen.findByRole('button', { name: `Edit ${endpoint.url}` }));
    const form = screen.getByRole('form', { name: 'Edit endpoint' });
    fireEvent.click(within(form).getByLabelText('Enabled'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save endpoint' }));
    expect(await screen.findByText('Endpoint saved.')).toBeTruthy();
    const row = screen.getByRole('row', { name: /crm\.example\.com/ });
    expect(within(row).getByText('Off')).toBeTruthy();
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: /Send test event/ }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: `Edit ${endpoint.url}` }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Edit endpoint' })).getByLabelText('Enabled'));
    fireEvent.click(screen.getByRole('button', { name: 'Save endpoint' }));
    await waitFor(() => expect(within(row).getByText('On')).toBeTruthy());

    fireEvent.click(within(row).getByRole('button', { name: `Send test event to ${endpoint.url}` }));
    expect(await screen.findByText(`Test event queued for ${endpoint.url}.`)).toBeTruthy();
    const deliveries = await screen.findByRole('table', { name: 'Deliveries' });
    await waitFor(() => expect(within(deliveries).getAllByRole('row')).toHaveLength(3));
    const failed = within(deliveries).getByRole('row', { name: /evt-old/ });
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('503')).toBeTruthy();
    expect(within(failed).getByText('down for maintenance')).toBeTruthy();

    fireEvent.click(within(failed).getByRole('button', { name: 'Redeliver message.created evt-old' }));
    expect(await screen.findByText('message.created queued again.')).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Deliveries' })).getAllByRole('row')).toHaveLength(4),
    );
    expect(server.requests.some((r) => r.path.endsWith('/deliveries/whd-old/redeliver'))).toBe(true);
  });

  it('rotates a secret and deletes an endpoint after confirming', async () => {
    const server = new FakeWebhooksServer();
    const endpoint = server.addEndpoint();
    await renderPage('/console/admin/webhooks', { server });

    fireEvent.click(await screen.findByRole('button', { name: `Rotate secret of ${endpoint.url}` }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Rotate secret' }));
    expect((await screen.findByLabelText('Signing secret')).textContent).toMatch(/^whsec_test1/);

    fireEvent.click(screen.getByRole('button', { name: `Delete ${endpoint.url}` }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete endpoint' }));
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    expect(server.endpoints).toEqual([]);
  });

  it('is for admins only', async () => {
    await renderPage('/console/admin/webhooks', { agent: AGENT, server: new FakeWebhooksServer() });
    expect(await screen.findByText(/Only admins can open this page/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Webhooks' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).toBeNull();
  });
});
