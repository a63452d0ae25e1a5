/**
 * The answer bot in the widget (issue 22): the bot's messages read like the team's, under the bot's
 * name, with its article card and quick replies; "Talk to a person" (a chunk of its own) asks the
 * server to hand the conversation to people and follows the answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MessageLog } from '../src/app/message-log.tsx';
import { TalkToPerson } from '../src/app/talk-to-person.tsx';
import { ChatClient } from '../src/client/chat-client.ts';
import { FakeSocket } from './fake-socket.ts';
import { conversation, message } from './fixtures.ts';
import { inEnglish } from './in-english.tsx';

const clients: ChatClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  localStorage.clear();
});

const BOT = { kind: 'bot', id: 'bot_s1', name: 'Answer bot' } as const;

describe('the answer bot in the widget', () => {
  it('shows the bot’s answer under its name, with the article card', async () => {
    const answer = message(2, {
      author: BOT,
      body: 'This article may help:\n\nMoney back within 30 days.',
      content: {
        type: 'articles',
        articles: [{ title: 'Refund policy', url: 'https://help.example/articles/refund-policy' }],
      },
    });
    render(inEnglish(<MessageLog greeting="" messages={[answer]} pending={[]} conversation={null} />));
    expect(screen.getByText('Answer bot')).toBeTruthy();
    const link = await screen.findByRole('link', { name: /Refund policy/ });
    expect(link.getAttribute('href')).toBe('https://help.example/articles/refund-policy');
    expect(link.closest('.message')?.className).toContain('from-agent');
  });

  it('hands the conversation to people on "Talk to a person"', async () => {
    let socket: FakeSocket | null = null;
    const client = new ChatClient({
      siteKey: 'site-bot',
      serverUrl: 'http://parley.test',
      createSocket: (hs) => (socket = new FakeSocket(hs)),
    });
    clients.push(client);
    client.connect();
    const live = socket as FakeSocket | null;
    if (!live) throw new Error('no socket');
    live.accept();
    (await live.request('session:resume')).reply({
      ok: true,
      data: {
        token: 'tok',
        visitorId: 'v1',
        conversation: conversation({ status: 'bot' }),
        messages: [],
        queuePosition: null,
        agentsOnline: true,
        estimatedWaitSeconds: null,
        withinBusinessHours: true,
      },
    });
    render(inEnglish(<TalkToPerson client={client} />));
    fireEvent.click(screen.getByRole('button', { name: 'Talk to a person' }));
    const request = await live.request('bot:handoff');
    expect(request.payload).toEqual({ conversationId: 'c1' });
    request.reply({ ok: true, data: conversation({ status: 'queued' }) });
    await waitFor(() => expect(client.getState().conversation?.status).toBe('queued'));
  });
});
