/**
 * @module help-widget: the help center's widget API over fetch: searches (debounced by the caller,
 * cancelled when stale, cached per query), the popular articles, one article, the vote and the
 * report of suggestions shown. The visitor's token goes along where the server records the visitor
 * (an article opened, a vote, suggestions), once the chat's connection has one.
 */
import type { ChatClient } from '../client/chat-client.ts';

/**
 * VISITOR_TOKEN_HEADER of @parley/shared (whose module brings zod along). Not imported from the
 * attachments chunk: shared by two chunks, it would move into the first-visit bundle.
 */
const TOKEN_HEADER = 'x-parley-visitor-token';

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
}
export interface SearchAnswer {
  match: 'exact' | 'fuzzy' | 'none';
  results: ArticleSummary[];
}
export interface Article extends ArticleSummary {
  html: string;
  url: string;
}

/** The widget's help API of `client`'s site, in `locale`. */
export function helpApi(client: ChatClient, locale: string) {
  const [uploads, token] = client.uploadTo();
  // the attachments' base is /api/widget/:siteKey/attachments; the help center is beside it
  const base = uploads.replace(/attachments$/, 'help');
  const lang = `locale=${encodeURIComponent(locale)}`;
  const identified = (): Record<string, string> => {
    const current = client.uploadTo()[1] ?? token;
    return current ? { [TOKEN_HEADER]: current } : {};
  };
  const json = async <T>(res: Response): Promise<T> => {
    if (!res.ok) throw new Error(`help ${res.status}`);
    return (await res.json()) as T;
  };
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}${path.includes('?') ? '&' : '?'}${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identified() },
      body: JSON.stringify(body),
    }).then(json);
  return {
    search: (query: string, signal?: AbortSignal, limit = 5): Promise<SearchAnswer> =>
      fetch(`${base}/search?q=${encodeURIComponent(query)}&limit=${limit}&${lang}`, { signal }).then(
        json<SearchAnswer>,
      ),
    popular: (): Promise<ArticleSummary[]> =>
      fetch(`${base}/popular?${lang}`)
        .then(json<{ articles: ArticleSummary[] }>)
        .then((body) => body.articles),
    article: (slug: string): Promise<Article> =>
      fetch(`${base}/articles/${encodeURIComponent(slug)}?${lang}`, { headers: identified() })
        .then(json<{ article: Article }>)
        .then((body) => body.article),
    vote: (slug: string, helpful: boolean) => post(`/articles/${encodeURIComponent(slug)}/votes`, { helpful }),
    shown: (slugs: string[]) => post('/shown', { slugs }),
  };
}
export type HelpApi = ReturnType<typeof helpApi>;

/** Searches as the visitor types: one request at a time (a newer one aborts the older), answers cached. */
export class TypingSearch {
  readonly #api: HelpApi;
  readonly #cache = new Map<string, SearchAnswer>();
  #inFlight: AbortController | null = null;

  constructor(api: HelpApi) {
    this.#api = api;
  }

  /** The answer for `query` (trimmed, lower-cased for the cache); rejects when a newer search aborted it. */
  async find(query: string): Promise<SearchAnswer> {
    const key = query.trim().toLowerCase();
    const held = this.#cache.get(key);
    this.#inFlight?.abort();
    this.#inFlight = null;
    if (held) return held;
    const controller = new AbortController();
    this.#inFlight = controller;
    const answer = await this.#api.search(key, controller.signal, 3);
    this.#cache.set(key, answer);
    if (this.#inFlight === controller) this.#inFlight = null;
    return answer;
  }

  cancel(): void {
    this.#inFlight?.abort();
    this.#inFlight = null;
  }
}
