/**
 * @module help-widget: the help center in the widget panel, a chunk of its own fetched only for a
 * site that has one. The help view (search, popular articles, the article reader with "Did this
 * help?", "Still need help? Chat with us") and the suggestions shown above the message box while a
 * visitor writes a first message.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ChatClient } from '../client/chat-client.ts';
import { adopt } from '../app/adopt-styles.ts';
import css from '../app/help.css?inline';
import { helpStrings, type HelpStrings } from './help-strings.ts';
import {
  helpApi,
  TypingSearch,
  type Article,
  type ArticleSummary,
  type HelpApi,
  type SearchAnswer,
} from './help-requests.ts';

/** What to show: an article (`back`: where its Back button leads), or a search; {} is the view's start. */
export interface HelpRequest {
  slug?: string;
  query?: string;
  back?: 'chat' | 'list';
}

/** How long typing pauses before a search goes out. */
const DEBOUNCE_MS = 250;
/** Fewer characters than this suggest nothing: too little to go on. */
const MIN_QUERY = 3;

const styled = new WeakSet<Node>();
function useStyles(element: { current: Element | null }): void {
  useLayoutEffect(() => {
    const root = element.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adopt(root, css);
    }
  }, []);
}

/**
 * The widget's language: its root's `lang` (set from the visitor's locale), read after every render
 * (before the browser paints), so a language the host page switches to follows; null until the
 * first, when nothing is fetched yet.
 */
function useLang(element: { current: Element | null }): string | null {
  const [lang, setLang] = useState<string | null>(null);
  useLayoutEffect(() => {
    const now = element.current?.closest('[lang]')?.getAttribute('lang') ?? 'en';
    if (now !== lang) setLang(now);
  });
  return lang;
}

const apis = new WeakMap<ChatClient, Map<string, { api: HelpApi; typing: TypingSearch }>>();
/** One API (and so one search cache) per client and language, kept while the page lives. */
function useApi(client: ChatClient, lang: string) {
  return useMemo(() => {
    const byLang = apis.get(client) ?? new Map<string, { api: HelpApi; typing: TypingSearch }>();
    apis.set(client, byLang);
    let held = byLang.get(lang);
    if (!held) {
      const api = helpApi(client, lang);
      held = { api, typing: new TypingSearch(api) };
      byLang.set(lang, held);
    }
    return held;
  }, [client, lang]);
}

/**
 * The answer for what is typed, `DEBOUNCE_MS` after typing stops; the previous answer stays on screen
 * until the next one is in (no flicker), and a stale request is cancelled.
 */
function useSearch(typing: TypingSearch, query: string, ready: boolean): SearchAnswer | null {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const active = Array.from(query.trim()).length >= MIN_QUERY;
  useEffect(() => {
    if (!ready) return;
    if (!active) {
      typing.cancel();
      setAnswer(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      typing.find(query).then(
        (found) => current && setAnswer(found),
        () => {},
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, active, typing, ready]);
  return active ? answer : null;
}

function ArticleList(props: { articles: ArticleSummary[]; onOpen: (slug: string) => void }): JSX.Element {
  return (
    <ul class="articles">
      {props.articles.map((article) => (
        <li key={article.slug}>
          <button type="button" class="article-link" onClick={() => props.onOpen(article.slug)}>
            <span class="title">{article.title}</span>
            {article.summary && <span class="summary">{article.summary}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface ReaderProps {
  api: HelpApi;
  slug: string;
  t: HelpStrings;
  onBack: () => void;
  /** "No": the visitor goes on to the chat (none in articles-only mode). */
  onUnhelpful?: () => void;
}

/** One article, its Back button, the full page's link and "Did this help?". */
function Reader({ api, slug, t, onBack, onUnhelpful }: ReaderProps): JSX.Element {
  const [article, setArticle] = useState<Article | 'failed' | null>(null);
  const [voted, setVoted] = useState<boolean | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let current = true;
    setArticle(null);
    setVoted(null);
    api.article(slug).then(
      (found) => current && setArticle(found),
      () => current && setArticle('failed'),
    );
    return () => {
      current = false;
    };
  }, [slug]);
  // the heading takes the focus, so a screen reader starts reading the article
  useEffect(() => heading.current?.focus(), [article]);
  const vote = (helpful: boolean): void => {
    setVoted(helpful);
    api.vote(slug, helpful).catch(() => {});
    if (!helpful) onUnhelpful?.();
  };
  return (
    <div class="reader">
      <button type="button" class="link back" onClick={onBack}>
        {t.back}
      </button>
      {article === null ? (
        <p role="status">{t.loading}</p>
      ) : article === 'failed' ? (
        <p role="alert">{t.failed}</p>
      ) : (
        <article aria-labelledby="parley-help-title">
          <h3 id="parley-help-title" tabIndex={-1} ref={heading} dir="auto">
            {article.title}
          </h3>
          {/* the server renders the Markdown safely: no raw HTML, only http(s)/mailto/relative links */}
          <div class="article-body" dir="auto" dangerouslySetInnerHTML={{ __html: article.html }} />
          <a class="full" href={article.url} target="_blank" rel="noopener">
            {t.fullPage}
          </a>
          {voted === true ? (
            <p class="glad" role="status">
              {t.glad}
            </p>
          ) : (
            <div class="vote" role="group" aria-labelledby="parley-help-vote">
              <span id="parley-help-vote">{t.helped}</span>
              <button type="button" onClick={() => vote(true)}>
                {t.yes}
              </button>
              <button type="button" onClick={() => vote(false)}>
                {t.no}
              </button>
            </div>
          )}
        </article>
      )}
    </div>
  );
}

export interface HelpViewProps {
  client: ChatClient;
  request: HelpRequest;
  /** "Chat with us" (and Back from an article a suggestion opened); none in articles-only mode. */
  onChat?: () => void;
}

/** The help view: search, popular articles or the results, an article, and the way to the chat. */
export function HelpView({ client, request, onChat: leave }: HelpViewProps): JSX.Element {
  const root = useRef<HTMLDivElement>(null);
  useStyles(root);
  const lang = useLang(root);
  const t = helpStrings(lang ?? 'en');
  // back in the chat, the message box has the focus (once the panel has drawn it)
  const onChat =
    leave &&
    (() => {
      const shadow = root.current?.getRootNode() as ShadowRoot | undefined;
      leave();
      setTimeout(() => shadow?.querySelector<HTMLElement>('.composer textarea')?.focus());
    });
  const { api, typing } = useApi(client, lang ?? 'en');
  const [query, setQuery] = useState(request.query ?? '');
  const [slug, setSlug] = useState(request.slug ?? null);
  const [popular, setPopular] = useState<ArticleSummary[] | null>(null);
  useEffect(() => {
    setQuery(request.query ?? '');
    setSlug(request.slug ?? null);
  }, [request]);
  useEffect(() => {
    if (lang) api.popular().then(setPopular, () => setPopular([]));
  }, [api, lang]);
  const answer = useSearch(typing, query, lang !== null);
  const searching = Array.from(query.trim()).length >= MIN_QUERY;
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (slug === null) search.current?.focus();
  }, [slug]);

  const back = request.back === 'chat' && slug === request.slug && onChat ? onChat : () => setSlug(null);
  return (
    <div class="help" ref={root}>
      {slug !== null ? (
        <Reader api={api} slug={slug} t={t} onBack={back} onUnhelpful={onChat} />
      ) : (
        <>
          <form role="search" class="help-search" onSubmit={(event) => event.preventDefault()}>
            <input
              ref={search}
              type="search"
              aria-label={t.search}
              placeholder={t.searchPlaceholder}
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </form>
          <section class="help-list" aria-labelledby="parley-help-list" aria-busy={searching && !answer}>
            <h3 id="parley-help-list">{searching ? t.results : t.popular}</h3>
            {searching && answer?.match === 'fuzzy' && <p class="hint">{t.fuzzy}</p>}
            {searching && answer?.results.length === 0 && <p role="status">{t.noResults}</p>}
            <ArticleList articles={(searching ? answer?.results : popular) ?? []} onOpen={setSlug} />
          </section>
        </>
      )}
      {onChat && (
        <p class="still">
          {t.stillNeed}{' '}
          <button type="button" class="link" onClick={onChat}>
            {t.chat}
          </button>
        </p>
      )}
    </div>
  );
}

export interface SuggestionsProps {
  client: ChatClient;
  /** What the visitor has written so far. */
  text: string;
  /** Opens the help view: on an article (Back leads to the chat), or at its start. */
  onOpen: (request: HelpRequest) => void;
}

/** Above the message box: articles that match the first message as it is written. */
export function Suggestions({ client, text, onOpen }: SuggestionsProps): JSX.Element {
  const root = useRef<HTMLDivElement>(null);
  useStyles(root);
  const lang = useLang(root);
  const t = helpStrings(lang ?? 'en');
  const { api, typing } = useApi(client, lang ?? 'en');
  const answer = useSearch(typing, text, lang !== null);
  const reported = useRef(new Set<string>());
  const results = answer?.results ?? [];
  useEffect(() => {
    // each suggestion counts once as shown (deflection reads it), whatever the visitor types after
    const fresh = results.map((r) => r.slug).filter((slug) => !reported.current.has(slug));
    if (!fresh[0]) return;
    for (const slug of fresh) reported.current.add(slug);
    api.shown(fresh).catch(() => {});
  }, [answer]);
  return (
    <div class="suggest" ref={root}>
      {results[0] ? (
        <section aria-labelledby="parley-suggest" aria-live="polite">
          <h3 id="parley-suggest">{t.suggestions}</h3>
          <ArticleList articles={results} onOpen={(slug) => onOpen({ slug, back: 'chat' })} />
        </section>
      ) : (
        text.trim() === '' && (
          <button type="button" class="link browse" onClick={() => onOpen({})}>
            {t.browse}
          </button>
        )
      )}
    </div>
  );
}
