/**
 * @module The article editor: title, slug, summary, category and Markdown body beside a live preview
 * (rendered by the server's public rules), pictures uploaded into the body, save as draft, publish and
 * unpublish, the article's other locales, and its revision history. Leaving with unsaved changes asks
 * first (inside the page) and the browser warns on reload or close.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { HelpArticle, HelpCategory, SiteAdminView } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../../components/form-field.tsx';
import { LoadFailed, Loading } from '../../../components/load-state.tsx';
import { ApiError } from '../../../api/rest-client.ts';
import { failure } from './help-failure.ts';
import { blankDraft, changesOf, draftOf, isDirty, withPicture, type ArticleDraft } from './help-article-draft.ts';
import { useMarkdownPreview } from './use-markdown-preview.ts';
import { HelpTranslations } from './help-translations.tsx';
import { HelpRevisions } from './help-revisions.tsx';
import { BodyField, LeaveDialog } from './help-body-field.tsx';

/** What the editor opens: a new article (perhaps another locale's version of one) or a saved one. */
export type EditorTarget =
  | { kind: 'new'; locale: string; translationOf?: string; from?: Partial<ArticleDraft> }
  | { kind: 'edit'; id: string; locale?: string };

interface Props {
  site: SiteAdminView;
  target: EditorTarget;
  categories: HelpCategory[];
  onOpen: (target: EditorTarget) => void;
  onClose: () => void;
}

type Translations = Array<{ id: string; locale: string; slug: string; status: string }>;

export function HelpArticleEditor({ site, target, categories, onOpen, onClose }: Props) {
  const { help } = useApi();
  const [article, setArticle] = useState<HelpArticle | null>(null);
  const [translations, setTranslations] = useState<Translations>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const initial = target.kind === 'new' ? blankDraft(target.from) : null;
  const [saved, setSaved] = useState<ArticleDraft | null>(initial && blankDraft());
  const [draft, setDraft] = useState<ArticleDraft | null>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof ArticleDraft, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileId = useId();
  const locale = article?.locale ?? (target.kind === 'new' ? target.locale : '');

  const show = (view: { article: HelpArticle; translations: Translations }) => {
    setArticle(view.article);
    setTranslations(view.translations);
    setSaved(draftOf(view.article));
    setDraft(draftOf(view.article));
  };

  useEffect(() => {
    if (target.kind !== 'edit') return;
    help
      .article(site.id, target.id)
      .then(show, (caught: unknown) => setLoadError(failure(caught, 'Could not load the article.')));
  }, [help, site.id, target]);

  const dirty = draft !== null && saved !== null && isDirty(draft, saved);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const preview = useMarkdownPreview(site.id, draft?.body ?? '');

  if (loadError !== null) return <LoadFailed message={loadError} onRetry={onClose} />;
  if (draft === null || saved === null) return <Loading label="Loading the article…" />;

  const set = (changes: Partial<ArticleDraft>) => setDraft({ ...draft, ...changes });
  const guarded = (go: () => void) => (dirty ? setLeaving(() => go) : go());

  /** Saves the working copy (creating the article the first time); resolves with the saved article. */
  async function save(): Promise<HelpArticle | undefined> {
    if (draft === null || saved === null) return undefined;
    setError(null);
    setFieldErrors({});
    setNotice(null);
    setBusy(true);
    try {
      if (article === null) {
        const created = await help.createArticle(site.id, {
          locale,
          title: draft.title,
          body: draft.body,
          summary: draft.summary,
          categoryId: draft.categoryId,
          ...(draft.slug.trim() === '' ? {} : { slug: draft.slug }),
          ...(target.kind === 'new' && target.translationOf ? { translationOf: target.translationOf } : {}),
        });
        show(created);
        return created.article;
      }
      const changes = changesOf(draft, saved);
      if (Object.keys(changes).length === 0) return article;
      const updated = await help.updateArticle(site.id, article.id, changes);
      show(updated);
      return updated.article;
    } catch (caught) {
      if (caught instanceof ApiError)
        setFieldErrors({
          title: caught.issueAt('title'),
          slug: caught.issueAt('slug') ?? (caught.code === 'conflict' ? caught.message : undefined),
          summary: caught.issueAt('summary'),
          body: caught.issueAt('body'),
        });
      setError(failure(caught, 'Could not save the article. Please try again.'));
      return undefined;
    } finally {
      setBusy(false);
      setHistoryVersion((n) => n + 1);
    }
  }

  async function setPublished(published: boolean): Promise<void> {
    const current = await save();
    if (!current) return;
    setBusy(true);
    try {
      show(await help.setPublished(site.id, current.id, published));
      setNotice(
        published ? 'Published: it is on the public pages and in the widget.' : 'Unpublished: it is a draft again.',
      );
    } catch (caught) {
      setError(failure(caught, 'That did not work. Please try again.'));
    } finally {
      setBusy(false);
      setHistoryVersion((n) => n + 1);
    }
  }

  async function insertPicture(file: File): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      const image = await help.uploadImage(site.id, file);
      const input = bodyRef.current;
      const at = input?.selectionStart ?? draft?.body.length ?? 0;
      const alt = file.name.replace(/\.[^.]*$/, '') || 'Picture';
      const next = withPicture(draft?.body ?? '', at, alt, image.url);
      setDraft((d) => (d === null ? d : { ...d, body: next.body }));
      setNotice(`Picture “${file.name}” inserted. Describe it in the brackets for readers who cannot see it.`);
      requestAnimationFrame(() => {
        input?.focus();
        input?.setSelectionRange(next.caret, next.caret);
      });
    } catch (caught) {
      setError(failure(caught, 'Could not upload the picture. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  const status = article?.status ?? 'draft';
  const heading = article === null ? `New article (${locale})` : `Edit “${article.title}” (${locale})`;

  return (
    <section class="help-editor" aria-labelledby="help-editor-title">
      <div class="help-editor__top">
        <button type="button" class="button button--quiet" onClick={() => guarded(onClose)}>
          ← Back to articles
        </button>
        <h2 id="help-editor-title" class="help-editor__title">
          {heading}
        </h2>
        <span class={`help-status help-status--${status}`}>
          {status === 'published' ? 'Published' : 'Draft'}
          {dirty ? ', unsaved changes' : ''}
        </span>
      </div>
      <FormMessage error={error} success={notice} />
      <form
        class="help-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save().then((done) => done && setNotice('Saved.'));
        }}
      >
        <div class="admin-form__grid">
          <TextField
            label="Title"
            name="title"
            required
            value={draft.title}
            error={fieldErrors.title}
            onInput={(title) => set({ title })}
          />
          <TextField
            label="Slug"
            name="slug"
            value={draft.slug}
            error={fieldErrors.slug}
            hint="The end of the article's address. Left empty, it is made from the title."
            onInput={(slug) => set({ slug })}
          />
          <SelectField
            label="Category"
            name="category"
            value={draft.categoryId ?? ''}
            options={[
              ['', 'No category'],
              ...categories.filter((c) => c.locale === locale).map((c) => [c.id, c.title] as const),
            ]}
            onChange={(id) => set({ categoryId: id === '' ? null : id })}
          />
        </div>
        <TextAreaField
          label="Summary"
          name="summary"
          rows={2}
          value={draft.summary}
          error={fieldErrors.summary}
          hint="Shown in search results and as the page's description."
          onInput={(summary) => set({ summary })}
        />
        <div class="help-editor__panes">
          <div class="help-editor__pane">
            <BodyField
              value={draft.body}
              error={fieldErrors.body}
              inputRef={bodyRef}
              onInput={(body) => set({ body })}
            />
            <label class="button button--quiet help-editor__picture" for={fileId}>
              Insert picture
            </label>
            <input
              id={fileId}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              class="visually-hidden"
              disabled={busy}
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file) void insertPicture(file);
              }}
            />
          </div>
          <div class="help-editor__pane">
            <h3 class="help-editor__pane-title" id="help-preview-title">
              Preview
            </h3>
            <div
              class="help-preview"
              aria-labelledby="help-preview-title"
              role="region"
              aria-busy={preview.status === 'loading'}
            >
              {preview.status === 'failed' ? (
                <p class="alert">{preview.message}</p>
              ) : preview.status === 'loading' ? (
                <p class="muted">Rendering…</p>
              ) : preview.html.trim() === '' ? (
                <p class="muted">The article's body shows here as readers will see it.</p>
              ) : (
                // the server's renderer: raw HTML off, links and pictures checked (article-markdown.ts)
                <div class="help-preview__body" dangerouslySetInnerHTML={{ __html: preview.html }} />
              )}
            </div>
          </div>
        </div>
        <div class="admin-form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {status === 'published' ? 'Save changes' : 'Save draft'}
          </button>
          {status === 'published' ? (
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => void setPublished(false)}>
              Unpublish
            </button>
          ) : (
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => void setPublished(true)}>
              {dirty || article === null ? 'Save and publish' : 'Publish'}
            </button>
          )}
        </div>
      </form>
      {article !== null && (
        <>
          <HelpTranslations
            article={article}
            translations={translations}
            onOpen={(next) => guarded(() => onOpen(next))}
            onDeleted={onClose}
          />
          <HelpRevisions
            key={historyVersion}
            siteId={site.id}
            article={article}
            dirty={dirty}
            onRestored={(view) => {
              show(view);
              setHistoryVersion((n) => n + 1);
              setNotice('The older version is restored and saved as a new revision.');
            }}
          />
        </>
      )}
      {leaving && (
        <LeaveDialog
          onStay={() => setLeaving(null)}
          onLeave={() => {
            setLeaving(null);
            leaving();
          }}
        />
      )}
    </section>
  );
}
