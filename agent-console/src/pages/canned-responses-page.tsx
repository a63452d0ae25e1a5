/**
 * @module Canned responses: every agent manages their own; admins also manage the shared set, which
 * everyone else reads here. (Not under admin/: agents use this page too.) Agents insert them in a reply
 * by typing `/shortcut`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, CannedResponse, CannedScope } from '@parley/shared';
import { ApiError } from '../api/rest-client.ts';
import { useApi } from '../components/api-context.ts';
import { PageFrame } from '../components/page-frame.tsx';
import { Loading, LoadFailed } from '../components/load-state.tsx';
import { FormMessage } from '../components/form-field.tsx';
import { CannedResponseForm } from './canned-response-form.tsx';

export function CannedResponsesPage({ agent }: { agent: Agent }) {
  const { canned, cannedCache } = useApi();
  const [items, setItems] = useState<readonly CannedResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // bumped by Retry: loads the list again
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    canned.list().then(
      (list) => {
        setItems(list);
        cannedCache.set(agent.id, list);
      },
      (caught: unknown) => setError(caught instanceof ApiError ? caught.message : 'Could not load canned responses.'),
    );
  }, [canned, cannedCache, agent.id, attempt]);

  const update = (next: readonly CannedResponse[]) => {
    setItems(next);
    // the composer suggests the new set at once, no reload needed
    cannedCache.set(agent.id, next);
  };

  return (
    <PageFrame agent={agent} title="Canned responses">
      <p class="muted">
        In a reply, type <kbd>/</kbd> and the start of a shortcut, then press <kbd>Tab</kbd> or <kbd>Enter</kbd> to
        insert the text.
      </p>
      {items !== null && <FormMessage error={error} />}
      {items === null &&
        (error ? (
          <LoadFailed
            message={error}
            onRetry={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Loading label="Loading canned responses…" />
        ))}
      {items !== null && (
        <>
          <CannedSection scope="personal" title="Your canned responses" items={items} editable onChange={update} />
          <CannedSection
            scope="shared"
            title="Shared with everyone"
            items={items}
            editable={agent.role === 'admin'}
            onChange={update}
          />
        </>
      )}
    </PageFrame>
  );
}

function CannedSection(props: {
  scope: CannedScope;
  title: string;
  items: readonly CannedResponse[];
  editable: boolean;
  onChange: (items: readonly CannedResponse[]) => void;
}) {
  const { canned } = useApi();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = props.items.filter((item) => item.scope === props.scope);
  const headingId = `canned-${props.scope}`;

  const replace = (changed: CannedResponse) =>
    props.onChange(props.items.map((item) => (item.id === changed.id ? changed : item)));

  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {props.title}
      </h2>
      {!props.editable && <p class="muted">Admins manage these.</p>}
      <FormMessage error={error} />
      {mine.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="canned-list">
          {mine.map((item) =>
            editingId === item.id ? (
              <li key={item.id} class="canned-list__item">
                <CannedResponseForm
                  initial={item}
                  submitLabel="Save"
                  onCancel={() => setEditingId(null)}
                  onSubmit={async (request) => {
                    replace(await canned.update(props.scope, item.id, request));
                    setEditingId(null);
                  }}
                />
              </li>
            ) : (
              <li key={item.id} class="canned-list__item">
                <code class="canned-list__shortcut">/{item.shortcut}</code>
                <span class="canned-list__body">{item.body}</span>
                {props.editable && (
                  <span class="canned-list__actions">
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`Edit /${item.shortcut}`}
                      onClick={() => setEditingId(item.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`Delete /${item.shortcut}`}
                      onClick={() => {
                        setError(null);
                        canned.remove(props.scope, item.id).then(
                          () => props.onChange(props.items.filter((i) => i.id !== item.id)),
                          (caught: unknown) =>
                            setError(caught instanceof ApiError ? caught.message : 'Could not delete it.'),
                        );
                      }}
                    >
                      Delete
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {props.editable && (
        <CannedResponseForm
          submitLabel={props.scope === 'shared' ? 'Add shared response' : 'Add response'}
          onSubmit={async (request) => {
            props.onChange([...props.items, await canned.create(props.scope, request)]);
          }}
        />
      )}
    </section>
  );
}
