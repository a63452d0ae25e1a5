/**
 * @module Admin page: the sites the widget runs on. Lists them, adds one (a name and where it runs is
 * enough to get a snippet), and edits the selected one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, SiteAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { Loading, LoadFailed } from '../../components/load-state.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/form-field.tsx';
import { SiteEditor } from './site-editor.tsx';
import { BotSettingsSection } from './bot-settings-section.tsx';
import { originsOf } from './site-draft.ts';

export function SitesPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Sites">
      <AdminOnly agent={agent}>
        <SitesAdmin />
      </AdminOnly>
    </PageFrame>
  );
}

function SitesAdmin() {
  const { admin } = useApi();
  const [sites, setSites] = useState<SiteAdminView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // bumped by Retry: loads the list again
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    admin.listSites().then(
      (list) => {
        setSites(list);
        setSelectedId((id) => id ?? list[0]?.id ?? null);
      },
      (caught: unknown) => setError(caught instanceof ApiError ? caught.message : 'Could not load the sites.'),
    );
  }, [admin, attempt]);

  const replace = (site: SiteAdminView) => setSites((list) => (list ?? []).map((s) => (s.id === site.id ? site : s)));
  const selected = sites?.find((s) => s.id === selectedId);

  return (
    <>
      {sites !== null && <FormMessage error={error} />}
      {sites === null ? (
        error ? (
          <LoadFailed
            message={error}
            onRetry={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Loading label="Loading sites…" />
        )
      ) : (
        <div class="sites">
          <ul class="sites__list" aria-label="Sites">
            {sites.map((site) => (
              <li key={site.id}>
                <button
                  type="button"
                  class="sites__item"
                  aria-current={site.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(site.id)}
                >
                  {site.name}
                  <span class="sites__origins">{site.allowedOrigins.join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <section class="card sites__editor" aria-labelledby="site-title">
              <h2 id="site-title" class="card__title">
                {selected.name}
              </h2>
              <SiteEditor key={selected.id} site={selected} onSaved={replace} />
              {/* answer bot (issue 22): saved on its own */}
              <BotSettingsSection key={`bot-${selected.id}`} siteId={selected.id} />
            </section>
          )}
        </div>
      )}
      <NewSiteForm
        onCreated={(site) => {
          setSites((list) => [...(list ?? []), site]);
          setSelectedId(site.id);
        }}
      />
    </>
  );
}

function NewSiteForm({ onCreated }: { onCreated: (site: SiteAdminView) => void }) {
  const { admin } = useApi();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <section class="card" aria-labelledby="new-site-title">
      <h2 id="new-site-title" class="card__title">
        Add a site
      </h2>
      <form
        class="admin-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          admin
            .createSite({ name, allowedOrigins: originsOf(origins) })
            .then((site) => {
              setName('');
              setOrigins('');
              onCreated(site);
            })
            .catch((caught: unknown) =>
              setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Could not add the site.')),
            )
            .finally(() => setBusy(false));
        }}
      >
        <TextField
          label="New site name"
          name="new-site-name"
          value={name}
          onInput={setName}
          error={error?.issueAt('name')}
        />
        <TextAreaField
          label="Its origins"
          name="new-site-origins"
          value={origins}
          onInput={setOrigins}
          error={error?.issueAt('allowedOrigins')}
          hint="One per line, e.g. https://shop.example"
        />
        <FormMessage error={error && error.issues.length === 0 ? error.message : null} />
        <button type="submit" class="button button--primary" disabled={busy}>
          Add site
        </button>
      </form>
    </section>
  );
}
