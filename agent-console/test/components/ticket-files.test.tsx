/**
 * Files on email tickets in the console: an emailed reply's files show on the ticket (a thumbnail
 * for an image, name, type and size for the rest) as soon as the push arrives; the agent attaches
 * files to a reply with the chat's upload tray, the reply waits for them and names them in
 * ticket:reply; a refused file holds the reply until it is removed or retried; a reply that fails
 * keeps its text and files and goes again under the same client id.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT, iso } from '../support/fixtures.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { makeTicket } from '../support/fake-tickets.ts';
import { FakeUploads } from '../support/fake-uploads.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

async function openTicket(conversationId: string) {
  const channel = new FakeChannel(AGENT);
  channel.tickets.seed(makeTicket({ conversationId, email: 'ada@example.com', lastActivityAt: iso(5_000) }), [
    'My order never came',
  ]);
  const uploads = new FakeUploads().install();
  channel.tickets.files = uploads.stored;
  await renderPage('/console/tickets', { agent: AGENT, channel });
  fireEvent.click(await screen.findByRole('button', { name: 'ada@example.com' }));
  const ticket = await screen.findByRole('region', { name: 'ada@example.com' });
  await within(ticket).findByText('My order never came');
  return { channel, uploads, ticket };
}

const attach = (ticket: HTMLElement, ...files: File[]) =>
  fireEvent.change(within(ticket).getByLabelText('Attach files'), { target: { files } });

const replies = (channel: FakeChannel) =>
  channel.tickets.calls.filter((c) => c.event === 'ticket:reply').map((c) => c.payload);

describe('files on a ticket', () => {
  it('shows the files of an emailed reply as it arrives, as the chat shows them', async () => {
    const { channel, ticket } = await openTicket('tk-files');
    await act(() =>
      channel.tickets.visitorEmails('tk-files', 'The receipt and a photo.', [
        { id: 'att_r', name: 'receipt.pdf', type: 'application/pdf', size: 2048, hasThumbnail: false },
        { id: 'att_p', name: 'box.jpg', type: 'image/jpeg', size: 3 * 1024 * 1024, hasThumbnail: true },
      ]),
    );
    const message = (await within(ticket).findByText('The receipt and a photo.')).closest('li');
    if (!message) throw new Error('the reply is not in the thread');
    // a link once its signed address is fetched
    const link = await within(message).findByRole('link', { name: /receipt\.pdf/ });
    expect(link.textContent).toBe('receipt.pdfPDF · 2 KB · Download');
    expect(link.getAttribute('download')).toBe('receipt.pdf');
    expect(link.getAttribute('href')).toBe('/files/att_r?sig=test');
    expect(within(message).getByRole('button', { name: 'Open image box.jpg (3.0 MB)' })).toBeTruthy();
  });

  it('sends a reply with the files attached to it once they are uploaded, then clears the tray', async () => {
    const { channel, uploads, ticket } = await openTicket('tk-reply');
    fireEvent.input(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' }), {
      target: { value: 'Here is your invoice.' },
    });
    attach(ticket, new File(['%PDF-1.4'], 'invoice.pdf'), new File(['order 1234'], 'notes.txt'));
    const tray = within(ticket).getByRole('list', { name: 'Files to send' });
    expect(
      within(tray)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual([expect.stringMatching(/^invoice\.pdf1 KB.*Cancel$/), expect.stringMatching(/^notes\.txt1 KB.*Cancel$/)]);
    const send = within(ticket).getByRole('button', { name: 'Send reply' });
    expect(send.hasAttribute('disabled')).toBe(true);
    expect(within(ticket).getByText('The reply can go once the files are uploaded.')).toBeTruthy();

    const [invoice, notes] = [uploads.store('application/pdf'), uploads.store('text/plain')];
    await within(ticket).findByText('notes.txt attached');
    expect(send.hasAttribute('disabled')).toBe(false);
    fireEvent.click(send);

    const sent = (await within(ticket).findByText('Here is your invoice.')).closest('li');
    if (!sent) throw new Error('the reply is not in the thread');
    expect(await within(sent).findByRole('link', { name: /invoice\.pdf/ })).toBeTruthy();
    expect((await within(sent).findByRole('link', { name: /notes\.txt/ })).textContent).toContain('TXT');
    expect(replies(channel)).toEqual([
      expect.objectContaining({ body: 'Here is your invoice.', attachmentIds: [invoice.id, notes.id] }),
    ]);
    await waitFor(() => expect(within(ticket).queryByRole('list', { name: 'Files to send' })).toBeNull());
    expect(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' })).toHaveProperty('value', '');
  });

  it('holds the reply while a file is refused, until it is removed; files come by drop too', async () => {
    const { channel, uploads, ticket } = await openTicket('tk-refused');
    fireEvent.input(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' }), {
      target: { value: 'See attached.' },
    });
    const form = within(ticket).getByRole('textbox', { name: 'Reply to the visitor' }).closest('form');
    if (!form) throw new Error('no reply form');
    fireEvent.drop(form, { dataTransfer: { files: [new File(['<html>'], 'page.html')] } });
    uploads.refuse(415, 'Files of this kind are not accepted here.');
    await within(ticket).findByText('page.html was not attached: Files of this kind are not accepted here.');
    expect(within(ticket).getByText('Retry or remove the file that was not attached to send the reply.')).toBeTruthy();
    expect(within(ticket).getByRole('button', { name: 'Send reply' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(ticket).getByRole('button', { name: 'Remove page.html' }));
    fireEvent.click(within(ticket).getByRole('button', { name: 'Send reply' }));
    await within(ticket).findByText('See attached.');
    expect(replies(channel)).toEqual([
      { conversationId: 'tk-refused', clientMessageId: expect.any(String), body: 'See attached.' },
    ]);
  });

  it('keeps the text, the files and the client id of a reply that did not go, and sends it again', async () => {
    const { channel, uploads, ticket } = await openTicket('tk-offline');
    fireEvent.input(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' }), {
      target: { value: 'The label.' },
    });
    attach(ticket, new File(['label'], 'label.pdf'));
    const label = uploads.store();
    await within(ticket).findByText('label.pdf attached');
    const refused = channel.tickets.files;
    channel.tickets.files = new Map();
    fireEvent.click(within(ticket).getByRole('button', { name: 'Send reply' }));
    await within(ticket).findByText('Attach files uploaded into this conversation');
    expect(within(ticket).getByRole('textbox', { name: 'Reply to the visitor' })).toHaveProperty('value', 'The label.');
    expect(within(ticket).getByRole('list', { name: 'Files to send' }).textContent).toContain('label.pdf');

    channel.tickets.files = refused;
    fireEvent.click(within(ticket).getByRole('button', { name: 'Send reply' }));
    await within(ticket).findByText('The label.', { selector: '.message__body' });
    const [first, second] = replies(channel);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ attachmentIds: [label.id] });
  });
});
