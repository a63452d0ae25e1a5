/**
 * @module An article's revision history, newest first: who changed what and when. An old revision can
 * be read whole and restored: its title, slug, summary and body are saved again as a new revision (the
 * history keeps everything; publishing stays a separate step).
 */
import { useEffect, useState } from 'preact/hooks';
import type { HelpArticle, HelpRevision } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormMessage } from '../../../components/form-field.tsx';
import { LoadFailed, Loading } from '../../../components/load-state.tsx';
import { failure } from './help-failure.ts';

interface Props {
  siteId: string;
  article: HelpArticle;
  /** The editor has unsaved changes, which a restore would replace. */
  dirty: boolean;
  onRestored: (view: Awaited<ReturnType<ReturnType<typeof useApi>['help']['article']>>) => void;
}

const ACTIONS: Record<HelpRevision['action'], string> = {
  created: 'Created',
  updated: 'Changed',
  published: 'Published',
  unpublished: 'Unpublished',
  imported: 'Imported',
};

const FIELD_NAMES: Record<string, string> = { categoryId: 'category' };

export function HelpRevisions({ siteId, article, dirty, onRestored }: Props) {
  const { help } = useApi();
  const [revisions, setRevisions] = useState<HelpRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<HelpRevision | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    help
      .revisions(siteId, article.id)
      .then(setRevisions, (caught: unknown) => setError(failure(caught, 'Could not load the history.')));
  }, [help, siteId, article.id, attempt]);

  function restore(revision: HelpRevision): void {
    setViewing(null);
    help
      .updateArticle(siteId, article.id, {
        title: revision.title,
        slug: revision.slug,
        summary: revision.summary,
        body: revision.body,
      })
      .then(onRestored, (caught: unknown) => setError(failure(caught, 'Could not restore that version.')));
  }

  return (
    <section class="card" aria-labelledby="help-history-title">
      <h3 id="help-history-title" class="card__title">
        History
      </h3>
      {error !== null && revisions === null ? (
        <LoadFailed message={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : revisions === null ? (
        <Loading label="Loading the history…" />
      ) : (
        <>
          <FormMessage error={error} />
          <ol class="help-history" reversed>
            {revisions.map((revision) => (
              <li key={revision.id} class="help-history__item">
                <span>
                  <strong>
                    #{revision.number} {ACTIONS[revision.action]}
                  </strong>{' '}
                  by {revision.authorName ?? 'someone no longer here'},{' '}
                  <time dateTime={revision.createdAt}>{new Date(revision.createdAt).toLocaleString()}</time>
                  {revision.changed.length > 0 && (
                    <span class="muted"> — {revision.changed.map((f) => FIELD_NAMES[f] ?? f).join(', ')}</span>
                  )}
                </span>
                <button
                  type="button"
                  class="button button--quiet button--small"
                  aria-label={`View revision ${revision.number}`}
                  onClick={() => setViewing(revision)}
                >
                  View
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      {viewing && (
        <Dialog title={`Revision ${viewing.number}: ${viewing.title}`} onClose={() => setViewing(null)}>
          <dl class="help-revision">
            <dt>Slug</dt>
            <dd>/{viewing.slug}</dd>
            <dt>Status</dt>
            <dd>{viewing.status === 'published' ? 'Published' : 'Draft'}</dd>
            <dt>Summary</dt>
            <dd>{viewing.summary || <span class="muted">(none)</span>}</dd>
            <dt>Body</dt>
            <dd>
              <pre class="help-revision__body" tabIndex={0} aria-label={`Body of revision ${viewing.number}`}>
                {viewing.body}
              </pre>
            </dd>
          </dl>
          {dirty && <p class="warning">Restoring replaces your unsaved changes in the editor.</p>}
          <div class="admin-form__actions">
            <button type="button" class="button button--primary" onClick={() => restore(viewing)}>
              Restore this version
            </button>
            <button type="button" class="button button--quiet" onClick={() => setViewing(null)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
