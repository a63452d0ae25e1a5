/**
 * @module A locale's articles: found by words (title, summary, slug or body, drafts too) and status,
 * shown per category in their order. With one category chosen and no search or status filter, the
 * rows can be moved (buttons, for keyboards and screen readers alike).
 */
import { useState } from 'preact/hooks';
import type { HelpArticle, HelpArticleStatus, HelpCategory } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { FormMessage, SelectField, TextField } from '../../../components/form-field.tsx';
import { EmptyState } from '../../../components/load-state.tsx';
import { failure } from './help-failure.ts';
import { MoveButtons } from './help-categories.tsx';
import { moved, useMoveFocus } from './use-move-focus.ts';

interface Props {
  siteId: string;
  categories: HelpCategory[];
  articles: HelpArticle[];
  onReordered: (articles: HelpArticle[]) => void;
  onOpen: (article: HelpArticle) => void;
  onNew: () => void;
}

type StatusFilter = 'all' | HelpArticleStatus;
const UNCATEGORISED = 'none';

export function HelpArticleList({ siteId, categories, articles, onReordered, onOpen, onNew }: Props) {
  const { help } = useApi();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [category, setCategory] = useState<string>('all');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = articles
    .filter((a) => status === 'all' || a.status === status)
    .filter((a) => category === 'all' || (a.categoryId ?? UNCATEGORISED) === category)
    .filter((a) => {
      const text = `${a.title} ${a.summary} ${a.slug} ${a.body}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title));
  const orderable = category !== 'all' && status === 'all' && words.length === 0;
  const focus = useMoveFocus<HelpArticle, HTMLTableSectionElement>(shown);
  const categoryName = (id: string | null) => categories.find((c) => c.id === id)?.title ?? 'No category';

  const move = (article: HelpArticle, by: -1 | 1) => {
    const ids = moved(
      shown.map((a) => a.id),
      article.id,
      by,
    );
    if (!ids) return;
    focus.moving(article.title, by);
    setError(null);
    help.reorderArticles(siteId, ids).then(
      (next) => {
        onReordered(next);
        setNotice(`“${article.title}” moved ${by < 0 ? 'up' : 'down'}.`);
      },
      (caught: unknown) => setError(failure(caught, 'Could not move the article. Please try again.')),
    );
  };

  return (
    <section class="card help-articles" aria-labelledby="help-articles-title">
      <h2 id="help-articles-title" class="card__title">
        Articles
      </h2>
      <div class="help-filters">
        <TextField label="Search articles" name="q" value={query} onInput={setQuery} />
        <SelectField
          label="Status"
          name="status"
          value={status}
          options={[
            ['all', 'Any status'],
            ['draft', 'Drafts'],
            ['published', 'Published'],
          ]}
          onChange={setStatus}
        />
        <SelectField
          label="Category"
          name="category"
          value={category}
          options={[
            ['all', 'All categories'],
            ...categories.map((c) => [c.id, c.title] as const),
            [UNCATEGORISED, 'No category'],
          ]}
          onChange={setCategory}
        />
      </div>
      <p class="muted">
        {orderable
          ? 'Move articles up and down to set their order on the public pages.'
          : 'To change the order, choose one category and clear the search and status filter.'}
      </p>
      <FormMessage error={error} success={notice} />
      {articles.length === 0 ? (
        <EmptyState title="No articles in this locale yet." hint="Write one, or import your existing FAQ below." />
      ) : shown.length === 0 ? (
        <EmptyState title="No article matches." hint="Try other words or another filter." />
      ) : (
        <div class="table-wrap">
          <table class="admin-table help-table">
            <caption class="visually-hidden">Articles, in order</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Category</th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
                {orderable && <th scope="col">Order</th>}
              </tr>
            </thead>
            <tbody ref={focus.container}>
              {shown.map((article, index) => (
                <tr key={article.id}>
                  <th scope="row">
                    <button type="button" class="link-button" onClick={() => onOpen(article)}>
                      {article.title}
                    </button>
                    <span class="help-table__slug muted">/{article.slug}</span>
                  </th>
                  <td>{categoryName(article.categoryId)}</td>
                  <td>
                    <span class={`help-status help-status--${article.status}`}>
                      {article.status === 'published' ? 'Published' : 'Draft'}
                    </span>
                  </td>
                  <td>
                    <time dateTime={article.updatedAt}>{new Date(article.updatedAt).toLocaleString()}</time>
                  </td>
                  {orderable && (
                    <td class="admin-table__actions">
                      <MoveButtons
                        name={article.title}
                        first={index === 0}
                        last={index === shown.length - 1}
                        onMove={(by) => move(article, by)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="button button--primary" onClick={onNew}>
        New article
      </button>
    </section>
  );
}
