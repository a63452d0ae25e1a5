/**
 * @module A locale's categories in the order the public pages show them: add, rename, move (buttons,
 * not dragging: keyboard and screen reader users order them too) and delete (its articles stay,
 * uncategorised).
 */
import { useState } from 'preact/hooks';
import type { HelpCategory } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormMessage, TextField } from '../../../components/form-field.tsx';
import { EmptyState } from '../../../components/load-state.tsx';
import { failure } from './help-failure.ts';
import { moved, useMoveFocus } from './use-move-focus.ts';

interface Props {
  siteId: string;
  locale: string;
  categories: HelpCategory[];
  onChange: (categories: HelpCategory[]) => void;
}

export function HelpCategories({ siteId, locale, categories, onChange }: Props) {
  const { help } = useApi();
  const [title, setTitle] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleting, setDeleting] = useState<HelpCategory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useMoveFocus<HelpCategory, HTMLOListElement>(categories);

  const act = (work: () => Promise<HelpCategory[]>, done: string) => {
    setError(null);
    setNotice(null);
    work().then(
      (next) => {
        onChange(next);
        setNotice(done);
      },
      (caught: unknown) => setError(failure(caught, 'That did not work. Please try again.')),
    );
  };
  const replace = (category: HelpCategory) => categories.map((c) => (c.id === category.id ? category : c));

  return (
    <section class="card help-categories" aria-labelledby="help-categories-title">
      <h2 id="help-categories-title" class="card__title">
        Categories
      </h2>
      <FormMessage error={error} success={notice} />
      {categories.length === 0 ? (
        <EmptyState title={`No categories in ${locale} yet.`} hint="Articles can also stand outside any category." />
      ) : (
        <ol class="help-order" ref={focus.container}>
          {categories.map((category, index) => (
            <li key={category.id} class="help-order__item">
              {renaming?.id === category.id ? (
                <form
                  class="help-order__rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const next = renaming.title;
                    setRenaming(null);
                    act(
                      async () => replace(await help.updateCategory(siteId, category.id, { title: next })),
                      `Category renamed to “${next}”.`,
                    );
                  }}
                >
                  <TextField
                    label={`New name for ${category.title}`}
                    name="title"
                    value={renaming.title}
                    required
                    onInput={(value) => setRenaming({ id: category.id, title: value })}
                  />
                  <button type="submit" class="button button--primary button--small">
                    Save
                  </button>
                  <button type="button" class="button button--quiet button--small" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span class="help-order__name">
                    {category.title} <span class="muted">/{category.slug}</span>
                  </span>
                  <span class="help-order__actions">
                    <MoveButtons
                      name={category.title}
                      first={index === 0}
                      last={index === categories.length - 1}
                      onMove={(by) => {
                        const ids = moved(
                          categories.map((c) => c.id),
                          category.id,
                          by,
                        );
                        if (!ids) return;
                        focus.moving(category.title, by);
                        act(
                          () => help.reorderCategories(siteId, ids),
                          `“${category.title}” moved ${by < 0 ? 'up' : 'down'}.`,
                        );
                      }}
                    />
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Rename ${category.title}`}
                      onClick={() => setRenaming({ id: category.id, title: category.title })}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Delete ${category.title}`}
                      onClick={() => setDeleting(category)}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <form
        class="help-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const name = title.trim();
          if (name === '') return setError('Give the category a name.');
          setTitle('');
          act(
            async () => [...categories, await help.createCategory(siteId, { locale, title: name })],
            `Category “${name}” added.`,
          );
        }}
      >
        <TextField label="New category" name="new-category" value={title} onInput={setTitle} />
        <button type="submit" class="button button--primary">
          Add category
        </button>
      </form>
      {deleting && (
        <Dialog title={`Delete “${deleting.title}”?`} onClose={() => setDeleting(null)}>
          <p>Its articles are kept, outside any category.</p>
          <div class="admin-form__actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                const gone = deleting;
                setDeleting(null);
                act(async () => {
                  await help.deleteCategory(siteId, gone.id);
                  return categories.filter((c) => c.id !== gone.id);
                }, `Category “${gone.title}” deleted.`);
              }}
            >
              Delete category
            </button>
            <button type="button" class="button button--quiet" onClick={() => setDeleting(null)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

export function MoveButtons(props: { name: string; first: boolean; last: boolean; onMove: (by: -1 | 1) => void }) {
  return (
    <>
      <button
        type="button"
        class="button button--quiet button--small"
        aria-label={`Move ${props.name} up`}
        disabled={props.first}
        onClick={() => props.onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="button button--quiet button--small"
        aria-label={`Move ${props.name} down`}
        disabled={props.last}
        onClick={() => props.onMove(1)}
      >
        ↓
      </button>
    </>
  );
}
