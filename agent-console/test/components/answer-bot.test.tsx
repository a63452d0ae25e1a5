/**
 * The answer bot in the console (issue 22): the site's bot settings load, save and say what is
 * wrong; the bot's part of a handed-off conversation is marked as the bot's in the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { DEFAULT_BOT_SETTINGS } from '@parley/shared';
import { AGENT, makeMessage } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });

describe('answer bot settings', () => {
  it('loads the site’s bot, saves a change and marks a wrong value', async () => {
    const server = new FakeAdminServer();
    await renderPage('/console/admin/sites', { server });
    const form = await screen.findByRole('form', { name: 'Answer bot' });
    const mode = await within(form).findByLabelText<HTMLSelectElement>('Bot');
    expect(mode.value).toBe('off');
    expect(within(form).getByLabelText<HTMLInputElement>('Match needed to answer (%)').value).toBe('50');

    fireEvent.change(mode, { target: { value: 'builtin' } });
    type(within(form).getByLabelText('Match needed to answer (%)'), '150');
    fireEvent.click(within(form).getByRole('button', { name: 'Save answer bot' }));
    expect(await within(form).findByText('Some bot settings need fixing: see the marked fields.')).toBeTruthy();

    type(within(form).getByLabelText('Match needed to answer (%)'), '70');
    type(within(form).getByLabelText('"Yes" button'), 'Yep');
    fireEvent.click(within(form).getByRole('button', { name: 'Save answer bot' }));
    await within(form).findByText(/^Saved\./);
    const saved = server.bots.get(server.sites[0]?.id ?? '');
    expect(saved).toMatchObject({
      mode: 'builtin',
      matchThreshold: 0.7,
      wording: { ...DEFAULT_BOT_SETTINGS.wording, yes: 'Yep' },
    });
  });
});

describe('answers from a language model', () => {
  it('says which model writes the answers when the server has one', async () => {
    const server = new FakeAdminServer();
    server.llmModel = 'llama3.2';
    await renderPage('/console/admin/sites', { server });
    const form = await screen.findByRole('form', { name: 'Answer bot' });
    expect(await within(form).findByText('llama3.2')).toBeTruthy();
    expect(within(form).getByTestId('bot-model').textContent).toContain('written by the language model llama3.2');
  });

  it('shows no model line when the server has none', async () => {
    const server = new FakeAdminServer();
    let answered = 0;
    const fetch: FakeAdminServer['fetch'] = async (input, init) => {
      const response = await server.fetch(input, init);
      if (input.endsWith('/bot')) answered += 1;
      return response;
    };
    await renderPage('/console/admin/sites', { server, fetch });
    const plain = await screen.findByRole('form', { name: 'Answer bot' });
    // the settings and the model line each asked; the line's answer (no model) is in
    await waitFor(() => expect(answered).toBe(2));
    await act(() => Promise.resolve());
    expect(within(plain).queryByTestId('bot-model')).toBeNull();
  });
});

describe('the bot in a conversation', () => {
  it('marks what the bot said as the bot’s', async () => {
    const channel = new FakeChannel(AGENT);
    channel.seed({ id: 'conv-1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'Refund?' }]);
    await renderPage('/console/', { agent: AGENT, channel });
    fireEvent.click(await screen.findByRole('button', { name: /Grace/ }));
    const log = screen.getByRole('log');
    await within(log).findByText('Refund?');
    channel.push({
      event: 'message:new',
      payload: {
        ...makeMessage({ conversationId: 'conv-1', seq: 2, body: 'This article may help' }),
        author: { kind: 'bot', id: 'bot_site', name: 'Answer bot' },
      },
    });
    const said = await within(log).findByText('This article may help');
    const item = said.closest('li');
    expect(item?.className).toContain('message--bot');
    expect(within(item as HTMLElement).getByText('Bot')).toBeTruthy();
    expect(within(item as HTMLElement).getByText('Answer bot')).toBeTruthy();
  });
});
