/**
 * @module An article's versions in other locales (open one, or start one from this article's text to
 * translate), and deleting the article with its history.
 */
import { useState } from 'preact/hooks';
import { HelpLocaleSchema, type HelpArticle } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormMessage, TextField } from '../../../components/form-field.tsx';
import { failure } from './help-failure.ts';
import type { EditorTarget } from './help-article-editor.tsx';

interface Props {
  article: HelpArticle;
  translations: Array<{ id: string; locale: string; slug: string; status: string }>;
  onOpen: (target: EditorTarget) => void;
  onDeleted: () => void;
}

export function HelpTranslations({ article, translations, onOpen, onDeleted }: Props) {
  const { help } = useApi();
  const [locale, setLocale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const taken = new Set([article.locale, ...translations.map((t) => t.locale)]);

  return (
    <section class="card" aria-labelledby="help-translations-title">
      <h3 id="help-translations-title" class="card__title">
        Other locales
      </h3>
      {translations.length === 0 ? (
        <p class="muted">This article has no version in another locale yet.</p>
      ) : (
        <ul class="help-translations">
          {translations.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                class="link-button"
                onClick={() => onOpen({ kind: 'edit', id: t.id, locale: t.locale })}
              >
                {t.locale}: /{t.slug}
              </button>{' '}
              <span class="muted">({t.status === 'published' ? 'published' : 'draft'})</span>
            </li>
          ))}
        </ul>
      )}
      <form
        class="help-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = HelpLocaleSchema.safeParse(locale);
          if (!parsed.success) return setError('Write a language tag such as en, de or pt-br.');
          if (taken.has(parsed.data)) return setError(`There is already a version in ${parsed.data}.`);
          setError(null);
          onOpen({
            kind: 'new',
            locale: parsed.data,
            translationOf: article.id,
            from: { title: article.title, summary: article.summary, body: article.body },
          });
        }}
      >
        <TextField
          label="Add a version in locale"
          name="translation-locale"
          value={locale}
          error={error ?? undefined}
          hint="It starts as a draft with this article's text, to translate."
          onInput={setLocale}
        />
        <button type="submit" class="button button--quiet">
          Add version
        </button>
      </form>
      <button type="button" class="button button--quiet help-delete" onClick={() => setDeleting(true)}>
        Delete article
      </button>
      {deleting && (
        <Dialog title={`Delete “${article.title}”?`} onClose={() => setDeleting(false)}>
          <p>The article and its revision history are deleted. Versions in other locales stay.</p>
          <FormMessage error={error} />
          <div class="admin-form__actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                help.deleteArticle(article.siteId, article.id).then(onDeleted, (caught: unknown) => {
                  setDeleting(false);
                  setError(failure(caught, 'Could not delete the article.'));
                });
              }}
            >
              Delete article
            </button>
            <button type="button" class="button button--quiet" onClick={() => setDeleting(false)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
