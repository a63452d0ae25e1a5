/**
 * The composer's help-article search: `/kb` then Space (or the "Help article…" button) opens it with
 * the command gone from the reply box; a found article goes out as a link card with the reply box's
 * text, or its excerpt and link land in the reply box; a search that finds nothing says so.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT } from '../support/fixtures.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { FakeHelpServer } from '../support/fake-help-server.ts';
import { renderPage } from '../support/render-page.tsx';

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

async function openConversation() {
  const help = new FakeHelpServer();
  help.article({
    title: 'Refund policy',
    summary: 'Money back in 30 days.',
    body: 'We refund every order.',
    status: 'published',
  });
  help.article({ title: 'Refund drafts', status: 'draft' });
  const channel = new FakeChannel(AGENT);
  channel.seed({ id: 'conv-1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Can I get my money back?' }]);
  await renderPage('/console/', { agent: AGENT, server: help.admin, fetch: help.fetch, channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  await within(screen.getByRole('log')).findByText('Can I get my money back?');
  return { help, channel };
}

function typeAtEnd(text: string) {
  fireEvent.input(composer(), { target: { value: text } });
  composer().setSelectionRange(text.length, text.length);
}

describe('composer /kb', () => {
  it('opens on /kb and Space, and sends a published article as a link card with the reply text', async () => {
    const { channel } = await openConversation();
    typeAtEnd('Sure! /kb');
    expect(fireEvent.keyDown(composer(), { key: ' ' })).toBe(false);
    const dialog = screen.getByRole('dialog', { name: 'Help articles' });
    expect(composer().value).toBe('Sure! ');
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Search help articles' }), {
      target: { value: 'refund' },
    });
    const send = await within(dialog).findByRole('button', { name: 'Send link card: Refund policy' });
    // drafts are not offered: a visitor could not open them
    expect(within(dialog).queryByText('Refund drafts')).toBeNull();
    fireEvent.click(send);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(channel.sends[0]).toMatchObject({
      conversationId: 'conv-1',
      body: 'Sure!',
      content: {
        type: 'articles',
        articles: [
          {
            title: 'Refund policy',
            summary: 'Money back in 30 days.',
            url: 'http://localhost:3000/help/pk_demo/en/articles/refund-policy',
          },
        ],
      },
    });
  });

  it('puts an excerpt in the reply box from the button, and says when nothing matches', async () => {
    const { channel } = await openConversation();
    typeAtEnd('Here is how it works:');
    fireEvent.click(screen.getByRole('button', { name: 'Help article…' }));
    const dialog = screen.getByRole('dialog', { name: 'Help articles' });
    const search = within(dialog).getByRole('textbox', { name: 'Search help articles' });
    expect(within(dialog).getByText('Type words to find published articles.')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'teleport' } });
    await within(dialog).findByText('No published article matches “teleport”.');
    fireEvent.input(search, { target: { value: 'refund' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Insert excerpt: Refund policy' }));
    await waitFor(() =>
      expect(composer().value).toBe(
        'Here is how it works:\n\nWe refund every order.\nhttp://localhost:3000/help/pk_demo/en/articles/refund-policy\n',
      ),
    );
    expect(channel.sends).toEqual([]);
  });

  it('leaves /kb alone in a private note and in the middle of a word', async () => {
    await openConversation();
    typeAtEnd('see a/kb');
    expect(fireEvent.keyDown(composer(), { key: ' ' })).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Private note' }));
    const note = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Private note' });
    fireEvent.input(note, { target: { value: '/kb' } });
    note.setSelectionRange(3, 3);
    fireEvent.keyDown(note, { key: ' ' });
    expect(screen.queryByRole('dialog', { name: 'Help articles' })).toBeNull();
  });
});
