/**
 * Rich messages in the console: the Insert dialog builds quick replies (and says in words what is
 * wrong), the composer sends them with the draft as text; the log shows the visitor's choice on the
 * offer and their form answer; a canned response holding content opens in the dialog; the canned
 * responses page saves content with a response.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { AGENT, iso, makeMessage } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

async function openConversation(server = new FakeAdminServer()) {
  const channel = new FakeChannel(AGENT);
  channel.seed({ id: 'conv-1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Hello?' }]);
  const harness = await renderPage('/console/', { agent: AGENT, server, channel });
  fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
  await within(screen.getByRole('log')).findByText('Hello?');
  return { ...harness, channel };
}

describe('rich content in the console', () => {
  it('builds quick replies in the Insert dialog and sends them with the draft as their text', async () => {
    const { channel } = await openConversation();
    fireEvent.input(composer(), { target: { value: 'What is it about?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert…' }));
    const dialog = screen.getByRole('dialog', { name: 'Insert rich content' });
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Quick replies' }).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Choices: add at least one choice');
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Choices' }), {
      target: { value: 'Billing\n\nTechnical problem\n' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(channel.sends).toHaveLength(1);
    expect(channel.sends[0]).toMatchObject({
      conversationId: 'conv-1',
      body: 'What is it about?',
      content: {
        type: 'quick_replies',
        options: [
          { id: 'c1', label: 'Billing' },
          { id: 'c2', label: 'Technical problem' },
        ],
      },
    });
    expect(composer().value).toBe('');
  });

  it('refuses a card link that is not https, naming the button', async () => {
    await openConversation();
    fireEvent.click(screen.getByRole('button', { name: 'Insert…' }));
    const dialog = screen.getByRole('dialog', { name: 'Insert rich content' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Card' }));
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Pro plan' } });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Link buttons' }), {
      target: { value: 'Run javascript:alert(1)' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Link button 1 (link): must be an https URL');
  });

  it('shows the visitor’s choice on the quick replies and their form answer, links safe', async () => {
    const { channel } = await openConversation();
    const push = (message: ReturnType<typeof makeMessage>) => channel.push({ event: 'message:new', payload: message });
    push(
      makeMessage({
        conversationId: 'conv-1',
        seq: 2,
        author: 'agent',
        id: 'offer',
        body: 'What is it about?',
        content: {
          type: 'quick_replies',
          options: [
            { id: 'b', label: 'Billing' },
            { id: 't', label: 'Technical problem' },
          ],
        },
      }),
    );
    const log = screen.getByRole('log');
    await within(log).findByText('Waiting for the visitor’s choice');
    push(
      makeMessage({
        conversationId: 'conv-1',
        seq: 3,
        body: 'Technical problem',
        content: { type: 'quick_reply_choice', messageId: 'offer', optionId: 't', label: 'Technical problem' },
      }),
    );
    await within(log).findByText('Answered');
    expect(within(log).getByText('· chosen').parentElement?.textContent).toBe('Technical problem · chosen');
    push(
      makeMessage({
        conversationId: 'conv-1',
        seq: 4,
        body: 'Email: ada@example.com',
        content: {
          type: 'form_answer',
          messageId: 'form',
          values: [{ fieldId: 'e', label: 'Email', value: 'ada@example.com' }],
        },
      }),
    );
    expect(await within(log).findByText('ada@example.com')).toBeTruthy();
    push(
      makeMessage({
        conversationId: 'conv-1',
        seq: 5,
        author: 'agent',
        body: 'Read this',
        content: {
          type: 'articles',
          articles: [
            { title: 'Resetting', url: 'https://help.example.com/reset' },
            { title: 'Sneaky', url: 'javascript:alert(1)' },
          ],
        },
      }),
    );
    const link = await within(log).findByRole('link', { name: 'Resetting' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(log).queryByRole('link', { name: 'Sneaky' })).toBeNull();
  });

  it('opens a canned response’s content in the dialog, and the canned page saves content', async () => {
    const server = new FakeAdminServer();
    server.canned = [
      {
        id: 'c1',
        scope: 'personal',
        shortcut: 'topic',
        body: 'What is it about?',
        content: { type: 'quick_replies', options: [{ id: 'a', label: 'Orders' }] },
        createdAt: iso(0),
        updatedAt: iso(0),
      },
    ];
    const { channel } = await openConversation(server);
    const box = composer();
    box.value = '/top';
    box.setSelectionRange(4, 4);
    fireEvent.input(box);
    await screen.findByRole('listbox', { name: 'Canned responses' });
    fireEvent.keyDown(composer(), { key: 'Enter' });
    const dialog = await screen.findByRole('dialog', { name: 'Insert rich content' });
    expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: 'Choices' }).value).toBe('Orders');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(channel.sends[0]).toMatchObject({ body: 'What is it about?', content: { type: 'quick_replies' } });
  });

  it('saves rich content with a canned response', async () => {
    const server = new FakeAdminServer();
    await renderPage('/console/canned-responses', { agent: AGENT, server });
    const mine = await screen.findByRole('region', { name: 'Your canned responses' });
    fireEvent.input(within(mine).getByLabelText('Shortcut'), { target: { value: 'plans' } });
    fireEvent.input(within(mine).getByLabelText('Text'), { target: { value: 'Which plan?' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Add rich content' }));
    const dialog = screen.getByRole('dialog', { name: 'Insert rich content' });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Choices' }), { target: { value: 'Basic\nPro' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // the dialog's own submit never saved the response: only Add response does
    expect(server.canned).toEqual([]);
    expect(within(mine).getByText('Quick replies: Basic / Pro')).toBeTruthy();
    fireEvent.click(within(mine).getByRole('button', { name: 'Add response' }));
    expect(await within(mine).findByText('/plans')).toBeTruthy();
    expect(server.canned[0]?.content).toEqual({
      type: 'quick_replies',
      options: [
        { id: 'c1', label: 'Basic' },
        { id: 'c2', label: 'Pro' },
      ],
    });
  });
});
