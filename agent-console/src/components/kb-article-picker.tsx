/**
 * @module The composer's help-article search (`/kb` or the "Help article" button): finds the site's
 * published articles as a visitor's search would, and answers with one as a link card (the rich
 * `articles` content, sent with the reply box's text) or puts an excerpt with its link in the reply box.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpSearchResponse, HelpShare } from '@parley/shared';
import { ApiError } from '../api/rest-client.ts';
import { useApi } from './api-context.ts';
import { Dialog } from './dialog.tsx';
import { TextField } from './form-field.tsx';
import '../help-center.css';

const PAUSE_MS = 250;

type Found =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; answer: HelpSearchResponse }
  | { status: 'failed'; message: string };

interface Props {
  siteId: string;
  onCard: (share: HelpShare) => void;
  onExcerpt: (share: HelpShare) => void;
  onClose: () => void;
}

const failure = (caught: unknown, fallback: string) => (caught instanceof ApiError ? caught.message : fallback);

export function KbArticlePicker({ siteId, onCard, onExcerpt, onClose }: Props) {
  const { help } = useApi();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ status: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    if (query.trim() === '') {
      setFound({ status: 'idle' });
      return;
    }
    setFound({ status: 'loading' });
    const timer = setTimeout(() => {
      help.search(siteId, query).then(
        (answer) => asked === latest.current && setFound({ status: 'ready', answer }),
        (caught: unknown) =>
          asked === latest.current &&
          setFound({ status: 'failed', message: failure(caught, 'The search did not work. Please try again.') }),
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [help, siteId, query]);

  const choose = (articleId: string, use: (share: HelpShare) => void) => {
    setProblem(null);
    help
      .share(siteId, articleId)
      .then(use, (caught: unknown) => setProblem(failure(caught, 'Could not get that article. Please try again.')));
  };

  return (
    <Dialog title="Help articles" onClose={onClose}>
      <p class="dialog__lead">
        Send an article as a link card (with the text in the reply box), or put an excerpt in the reply box.
      </p>
      <form class="dialog__form" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Search help articles" name="kb-query" value={query} onInput={setQuery} />
      </form>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      <div role="status" class="kb-status">
        {found.status === 'idle' && <p class="muted">Type words to find published articles.</p>}
        {found.status === 'loading' && <p class="muted">Searching…</p>}
        {found.status === 'failed' && <p class="alert">{found.message}</p>}
        {found.status === 'ready' && found.answer.results.length === 0 && (
          <p class="muted">No published article matches “{found.answer.query}”.</p>
        )}
        {found.status === 'ready' && found.answer.match === 'fuzzy' && (
          <p class="muted">No exact match; these are close.</p>
        )}
      </div>
      {found.status === 'ready' && found.answer.results.length > 0 && (
        <ul class="kb-results" aria-label="Articles found">
          {found.answer.results.map((article) => (
            <li key={article.id} class="kb-result">
              <p class="kb-result__title">{article.title}</p>
              {article.summary && <p class="kb-result__summary">{article.summary}</p>}
              <div class="kb-result__actions">
                <button
                  type="button"
                  class="button button--primary button--small"
                  aria-label={`Send link card: ${article.title}`}
                  onClick={() => choose(article.id, onCard)}
                >
                  Send link card
                </button>
                <button
                  type="button"
                  class="button button--quiet button--small"
                  aria-label={`Insert excerpt: ${article.title}`}
                  onClick={() => choose(article.id, onExcerpt)}
                >
                  Insert excerpt
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="dialog__actions">
        <button type="button" class="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** `/kb` typed as a word of its own, ending right before the caret: where it starts, else -1. */
export function kbCommandBefore(text: string, caret: number): number {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/kb$/.exec(before);
  return match ? before.length - 3 : -1;
}
