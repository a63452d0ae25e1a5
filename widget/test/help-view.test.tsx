/**
 * help-widget: the help chunk against a scripted help API (fetch answered by the test): suggestions
 * follow typing (debounced, the stale request cancelled, answers cached, nothing flickers away while
 * the next answer comes), each suggestion is reported once as shown with the visitor's token, an
 * article opens in the panel with its vote, and the help view searches and leads to the chat.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChatClient } from '../src/client/chat-client.ts';
import { HelpView, Suggestions, type HelpRequest } from '../src/help/help-ui.tsx';
import { FakeSocket } from './fake-socket.ts';

const HELP = 'http://parley.test/api/widget/site-a/help';
const refunds = { slug: 'refunds', title: 'Refund policy', summary: 'Money back within 30 days.' };
const shipping = { slug: 'shipping', title: 'Shipping times', summary: '' };

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | undefined;
}
let calls: Call[] = [];
let client: ChatClient;

function answer(url: string): unknown {
  const path = url.slice(HELP.length);
  if (path.startsWith('/search?q=refund')) return { query: 'refund', locale: 'en', match: 'exact', results: [refunds] };
  if (path.startsWith('/search?q=shiping'))
    return { query: 'shiping', locale: 'en', match: 'fuzzy', results: [shipping] };
  if (path.startsWith('/search')) return { query: '', locale: 'en', match: 'none', results: [] };
  if (path.startsWith('/popular')) return { articles: [refunds, shipping] };
  if (path.startsWith('/articles/refunds?'))
    return {
      article: { ...refunds, html: '<p>We refund <strong>every</strong> order.</p>', url: 'http://parley.test/help/x' },
    };
  return { recorded: true };
}

beforeEach(() => {
  calls = [];
  localStorage.setItem('parley:site-a:token', 'tok-1');
  client = new ChatClient({
    siteKey: 'site-a',
    serverUrl: 'http://parley.test',
    createSocket: (handshake) => new FakeSocket(handshake),
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        headers: (init.headers ?? {}) as Record<string, string>,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        signal: init.signal ?? undefined,
      });
      // a search for "slow" is answered only by its abort
      if (url.includes('q=slow'))
        return new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      return new Response(JSON.stringify(answer(url)), { status: 200 });
    }),
  );
});
afterEach(() => {
  client.destroy();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const searches = () => calls.filter((c) => c.url.includes('/search?'));

describe('suggestions above the message box', () => {
  it('searches once typing pauses, cancels the stale request, caches, and reports each shown once', async () => {
    const opened: HelpRequest[] = [];
    const view = render(<Suggestions client={client} text="" onOpen={(r) => opened.push(r)} />);
    // nothing typed: the way into the help view
    fireEvent.click(screen.getByRole('button', { name: 'Search our help articles' }));
    expect(opened).toEqual([{}]);

    view.rerender(<Suggestions client={client} text="re" onOpen={(r) => opened.push(r)} />);
    view.rerender(<Suggestions client={client} text="refu" onOpen={(r) => opened.push(r)} />);
    view.rerender(<Suggestions client={client} text="refund" onOpen={(r) => opened.push(r)} />);
    await screen.findByRole('heading', { name: 'These might answer your question' });
    // debounced: one request for the last text, none for two letters
    expect(searches().map((c) => new URL(c.url).searchParams.get('q'))).toEqual(['refund']);
    expect(new URL(searches()[0]?.url ?? '').searchParams.get('locale')).toBe('en');

    await waitFor(() => expect(calls.some((c) => c.url.includes('/shown'))).toBe(true));
    const shown = calls.filter((c) => c.url.includes('/shown'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ method: 'POST', body: { slugs: ['refunds'] } });
    expect(shown[0]?.headers['x-parley-visitor-token']).toBe('tok-1');

    // the next text keeps the suggestion on screen until its own answer is in
    view.rerender(<Suggestions client={client} text="refund please" onOpen={(r) => opened.push(r)} />);
    expect(screen.getByRole('button', { name: /Refund policy/ })).toBeTruthy();
    await waitFor(() => expect(searches()).toHaveLength(2));
    // back to a query already asked: the cache answers, and nothing is reported twice
    view.rerender(<Suggestions client={client} text="refund" onOpen={(r) => opened.push(r)} />);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(searches()).toHaveLength(2);
    fireEvent.click(await screen.findByRole('button', { name: /Refund policy/ }));
    expect(opened.at(-1)).toEqual({ slug: 'refunds', back: 'chat' });
    expect(calls.filter((c) => c.url.includes('/shown'))).toHaveLength(1);
  });

  it('aborts a search that a newer one overtakes, and shows the newer answer', async () => {
    const view = render(<Suggestions client={client} text="slow question" onOpen={() => {}} />);
    await waitFor(() => expect(searches()).toHaveLength(1));
    const first = searches()[0]?.signal;
    expect(first?.aborted).toBe(false);
    view.rerender(<Suggestions client={client} text="shiping" onOpen={() => {}} />);
    await waitFor(() => expect(searches()).toHaveLength(2));
    expect(first?.aborted).toBe(true);
    expect(await screen.findByRole('button', { name: /Shipping times/ })).toBeTruthy();
  });
});

describe('the help view', () => {
  it('lists popular articles, searches, opens an article, takes the vote and leads to the chat', async () => {
    const chat = vi.fn();
    render(<HelpView client={client} request={{}} onChat={chat} />);
    expect(await screen.findByRole('button', { name: /Shipping times/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Popular articles' })).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: 'Search help articles' });

    fireEvent.input(search, { target: { value: 'shiping' } });
    expect(await screen.findByText('No exact match; these are close.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Articles' })).toBeTruthy();
    fireEvent.input(search, { target: { value: 'zzzz' } });
    expect(await screen.findByText('No articles found.')).toBeTruthy();

    fireEvent.input(search, { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: /Refund policy/ }));
    const title = await screen.findByRole('heading', { name: 'Refund policy' });
    await waitFor(() => expect(title.ownerDocument.activeElement).toBe(title));
    expect(screen.getByText('every').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'Open the full page' }).getAttribute('href')).toBe(
      'http://parley.test/help/x',
    );
    const article = calls.find((c) => c.url.includes('/articles/refunds?'));
    expect(article?.headers['x-parley-visitor-token']).toBe('tok-1');

    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(await screen.findByText('Great, glad it helped!')).toBeTruthy();
    const vote = calls.find((c) => c.url.includes('/votes'));
    expect(vote).toMatchObject({ method: 'POST', body: { helpful: true } });
    expect(chat).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Chat with us' }));
    expect(chat).toHaveBeenCalledOnce();
  });

  it('opens on the asked article; No goes on to the chat; articles-only offers no chat', async () => {
    const chat = vi.fn();
    const view = render(<HelpView client={client} request={{ slug: 'refunds', back: 'chat' }} onChat={chat} />);
    await screen.findByRole('heading', { name: 'Refund policy' });
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(chat).toHaveBeenCalledOnce();
    expect(calls.find((c) => c.url.includes('/votes'))?.body).toEqual({ helpful: false });

    view.rerender(<HelpView client={client} request={{ query: 'refund' }} />);
    expect(await screen.findByRole('button', { name: /Refund policy/ })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('refund');
    expect(screen.queryByRole('button', { name: 'Chat with us' })).toBeNull();
  });

  it('speaks the widget’s language, right to left in Arabic', async () => {
    const root = document.createElement('div');
    root.setAttribute('lang', 'ar');
    root.setAttribute('dir', 'rtl');
    document.body.appendChild(root);
    render(<HelpView client={client} request={{}} onChat={() => {}} />, { container: root });
    expect(await screen.findByRole('heading', { name: 'المقالات الشائعة' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'تحدث معنا' })).toBeTruthy();
    expect(calls.some((c) => c.url.includes('locale=ar'))).toBe(true);
    root.remove();
  });
});
