/**
 * Rich content in the widget: quick replies as buttons that send the choice and then show it
 * answered (also when the answer came from elsewhere, or before a reload), cards and article links
 * as text and safe links only, a form whose values go out as the answer, and the answer kept on the
 * outbox entry through a resend. The chunk loads on demand; the plain text stands in until then.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Message, RichAnswer, SessionResumeResult } from '@parley/shared';
import { MessageLog } from '../src/app/message-log.tsx';
import { ChatClient } from '../src/client/chat-client.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, message, visitorMessage } from './fixtures.ts';
import { inEnglish } from './in-english.tsx';

const QUICK = message(1, {
  id: 'm-quick',
  body: 'What is it about?',
  content: {
    type: 'quick_replies',
    options: [
      { id: 'billing', label: 'Billing' },
      { id: 'tech', label: 'Technical problem' },
    ],
  },
});

function log(messages: Message[], onAnswer?: (body: string, answer: RichAnswer) => void) {
  return render(
    inEnglish(<MessageLog greeting="" messages={messages} pending={[]} onAnswer={onAnswer} conversation={null} />),
  );
}

describe('rich content in the widget', () => {
  it('offers quick replies as buttons, sends the choice, and shows it answered', async () => {
    const onAnswer = vi.fn();
    log([QUICK], onAnswer);
    expect(screen.getByText('What is it about?')).toBeTruthy();
    const tech = await screen.findByRole('button', { name: 'Technical problem' });
    expect(screen.getByRole('group', { name: 'Billing / Technical problem' })).toBeTruthy();
    fireEvent.click(tech);
    expect(onAnswer).toHaveBeenCalledWith('Technical problem', {
      type: 'quick_reply',
      messageId: 'm-quick',
      optionId: 'tech',
    });
    expect(tech.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Billing' }).disabled).toBe(true);
  });

  it('shows quick replies answered from the stored answer (another tab, or before a reload)', async () => {
    const answer = visitorMessage(2, {
      body: 'Billing',
      content: { type: 'quick_reply_choice', messageId: 'm-quick', optionId: 'billing', label: 'Billing' },
    });
    log([QUICK, answer], vi.fn());
    const buttons = await screen.findAllByRole('button', { name: /Billing|Technical/ });
    expect(
      buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed'), (b as HTMLButtonElement).disabled]),
    ).toEqual([
      ['Billing', 'true', true],
      ['Technical problem', 'false', true],
    ]);
    // the visitor's answer itself is a plain bubble with the label
    expect(screen.getAllByText('Billing')).toHaveLength(2);
  });

  it('draws a card and article links as text with safe links only', async () => {
    const card = message(1, {
      body: 'Pro plan\n<img src=x onerror=alert(1)>',
      content: {
        type: 'card',
        title: 'Pro plan',
        text: '<img src=x onerror=alert(1)>',
        imageUrl: 'https://example.com/pro.png',
        imageAlt: 'The Pro plan',
        // not what the schema lets through: the widget still never makes a link of it
        buttons: [
          { label: 'Pricing', url: 'https://example.com/pricing' },
          { label: 'Run', url: 'javascript:alert(1)' },
        ],
      },
    });
    const articles = message(2, {
      body: 'Read these',
      content: {
        type: 'articles',
        articles: [{ title: 'Resetting your password', summary: 'Two steps', url: 'https://help.example.com/reset' }],
      },
    });
    const { container } = log([card, articles]);
    const pricing = await screen.findByRole('link', { name: 'Pricing' });
    expect(pricing.getAttribute('href')).toBe('https://example.com/pricing');
    expect(pricing.getAttribute('rel')).toBe('noopener noreferrer');
    expect(pricing.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('link', { name: 'Run' })).toBeNull();
    expect(screen.getByText('Run')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'The Pro plan' }).getAttribute('referrerpolicy')).toBe('no-referrer');
    // markup in content is text, never elements
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Resetting your password' })).getAttribute('href')).toBe(
      'https://help.example.com/reset',
    );
    expect(screen.getByText('Two steps')).toBeTruthy();
  });

  it('sends a form’s values as the answer and then shows them, the fields disabled', async () => {
    const form = message(1, {
      id: 'm-form',
      body: 'Your order',
      content: {
        type: 'form',
        title: 'Your order',
        fields: [
          { id: 'email', label: 'Email', kind: 'email', required: true },
          { id: 'order', label: 'Order number', kind: 'text', required: false, maxLength: 20 },
        ],
      },
    });
    const onAnswer = vi.fn();
    const { rerender } = log([form], onAnswer);
    const email = await screen.findByRole('textbox', { name: 'Email' });
    expect(email.getAttribute('type')).toBe('email');
    expect(email.hasAttribute('required')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Order number' }).getAttribute('maxlength')).toBe('20');
    fireEvent.input(email, { target: { value: 'ada@example.com' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Your order' }));
    expect(onAnswer).toHaveBeenCalledWith('Email: ada@example.com\nOrder number: ', {
      type: 'form',
      messageId: 'm-form',
      values: { email: 'ada@example.com', order: '' },
    });
    const stored = visitorMessage(2, {
      body: 'Email: ada@example.com',
      content: {
        type: 'form_answer',
        messageId: 'm-form',
        values: [{ fieldId: 'email', label: 'Email', value: 'ada@example.com' }],
      },
    });
    rerender(
      inEnglish(
        <MessageLog greeting="" messages={[form, stored]} pending={[]} onAnswer={onAnswer} conversation={null} />,
      ),
    );
    // disabled by its fieldset: the whole answered form takes no input
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Email' }).matches(':disabled')).toBe(true));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).value).toBe('ada@example.com');
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });
});

describe('an answer on its way', () => {
  const clients: ChatClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    localStorage.clear();
  });

  it('goes out with message:send carrying the answer, again the same after a lost ack', async () => {
    let socket: FakeSocket | null = null;
    const client = new ChatClient({
      siteKey: 'site-rich',
      serverUrl: 'http://parley.test',
      createSocket: (handshake) => (socket = new FakeSocket(handshake)),
    });
    clients.push(client);
    const open = (): FakeSocket => {
      if (!socket) throw new Error('no socket yet');
      return socket;
    };
    const resumed = (): { ok: true; data: SessionResumeResult } => ({
      ok: true,
      data: {
        token: 't',
        visitorId: 'v1',
        conversation: activeConversation(),
        messages: [QUICK],
        queuePosition: null,
        agentsOnline: true,
        estimatedWaitSeconds: null,
        withinBusinessHours: true,
      },
    });
    client.connect();
    open().accept();
    (await open().request('session:resume')).reply(resumed());
    client.send('Billing', { answer: { type: 'quick_reply', messageId: 'm-quick', optionId: 'billing' } });
    const first = await open().request('message:send');
    expect(first.payload).toMatchObject({
      body: 'Billing',
      answer: { type: 'quick_reply', messageId: 'm-quick', optionId: 'billing' },
    });
    open().drop();
    open().accept();
    (await open().request('session:resume')).reply(resumed());
    const again = await open().request('message:send');
    expect(again.payload).toEqual(first.payload);
  });
});
