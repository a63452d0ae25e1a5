/**
 * @module Admin page: outbound webhooks per site (docs/webhooks.md). Lists a site's endpoints and
 * lets the admin add, edit, disable, delete them, rotate a secret (shown once, as on creation), send a
 * test event, and read an endpoint's recent deliveries and redeliver one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, WebhookDelivery, WebhookEndpoint } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { FormMessage } from '../../components/form-field.tsx';
import { Loading } from '../../components/load-state.tsx';
import { WebhookForm, draftOf, type WebhookDraft } from './webhook-form.tsx';
import { WebhookList } from './webhook-list.tsx';
import { WebhookDeliveries } from './webhook-deliveries.tsx';
import { WebhookSecret } from './webhook-secret.tsx';
import { SitePicker, useSiteChoice } from './site-choice.tsx';

export function WebhooksPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Webhooks">
      <AdminOnly agent={agent}>
        <WebhooksAdmin />
      </AdminOnly>
    </PageFrame>
  );
}

type Editing = null | { kind: 'new' } | { kind: 'edit'; endpoint: WebhookEndpoint };

const failure = (caught: unknown, fallback: string) => (caught instanceof ApiError ? caught.message : fallback);

function WebhooksAdmin() {
  const { webhooks: api } = useApi();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [watching, setWatching] = useState<WebhookEndpoint | null>(null);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { sites, siteId, site, choose } = useSiteChoice(setError);

  useEffect(() => {
    if (siteId === null) return;
    setEndpoints(null);
    setEditing(null);
    setWatching(null);
    api.list(siteId).then(setEndpoints, (caught: unknown) => setError(failure(caught, 'Could not load the webhooks.')));
  }, [api, siteId]);

  const loadDeliveries = (endpoint: WebhookEndpoint) => {
    if (!site) return;
    setWatching(endpoint);
    setDeliveries(null);
    api.deliveries(site.id, endpoint.id).then(setDeliveries, (caught: unknown) => {
      setDeliveries([]);
      setError(failure(caught, 'Could not load the deliveries.'));
    });
  };

  /** Runs a change, showing its refusal at the top of the list. */
  const act = (work: () => Promise<void>, done: string) => {
    setError(null);
    setNotice(null);
    work().then(
      () => setNotice(done),
      (caught: unknown) => setError(failure(caught, 'That did not work. Please try again.')),
    );
  };
  const replace = (endpoint: WebhookEndpoint) =>
    setEndpoints((list) => (list ?? []).map((e) => (e.id === endpoint.id ? endpoint : e)));

  async function save(draft: WebhookDraft): Promise<void> {
    if (!site || editing === null) return;
    if (editing.kind === 'new') {
      const created = await api.create(site.id, draft);
      setEndpoints((list) => [...(list ?? []), created.endpoint]);
      setSecret({ secret: created.secret, url: created.endpoint.url });
      setNotice('Endpoint added.');
    } else {
      replace(await api.update(site.id, editing.endpoint.id, draft));
      setNotice('Endpoint saved.');
    }
    setEditing(null);
  }

  if (sites === null) return <FormMessage error={error} success={error ? null : 'Loading sites…'} />;
  if (!site) return <p class="muted">Add a site first: webhooks belong to a site.</p>;

  return (
    <>
      <SitePicker sites={sites} site={site} choose={choose} />
      <p class="muted">
        Parley POSTs what happens on {site.name} to these URLs, signed with each endpoint's secret, and retries for
        about a day until the receiver answers 2xx.
      </p>
      <FormMessage error={error} success={notice} />
      {secret && <WebhookSecret secret={secret.secret} url={secret.url} onDone={() => setSecret(null)} />}
      {endpoints === null ? (
        <Loading label="Loading webhooks…" />
      ) : (
        <WebhookList
          endpoints={endpoints}
          selectedId={watching?.id ?? null}
          onDeliveries={loadDeliveries}
          onTest={(endpoint) =>
            act(async () => {
              await api.sendTest(site.id, endpoint.id);
              loadDeliveries(endpoint);
            }, `Test event queued for ${endpoint.url}.`)
          }
          onEdit={(endpoint) => (setNotice(null), setEditing({ kind: 'edit', endpoint }))}
          onRotate={(endpoint) =>
            act(async () => {
              const rotated = await api.rotateSecret(site.id, endpoint.id);
              replace(rotated.endpoint);
              setSecret({ secret: rotated.secret, url: rotated.endpoint.url });
            }, 'Secret rotated.')
          }
          onDelete={(endpoint) =>
            act(async () => {
              await api.remove(site.id, endpoint.id);
              setEndpoints((list) => (list ?? []).filter((e) => e.id !== endpoint.id));
              if (watching?.id === endpoint.id) setWatching(null);
            }, 'Endpoint deleted.')
          }
        />
      )}
      {endpoints === null ? null : editing === null ? (
        <button
          type="button"
          class="button button--primary webhook-add"
          onClick={() => (setNotice(null), setEditing({ kind: 'new' }))}
        >
          Add endpoint
        </button>
      ) : (
        <section class="card">
          <WebhookForm
            key={editing.kind === 'new' ? 'new' : editing.endpoint.id}
            title={editing.kind === 'new' ? 'New endpoint' : 'Edit endpoint'}
            initial={draftOf(editing.kind === 'new' ? null : editing.endpoint)}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
      {watching && (
        <WebhookDeliveries
          endpoint={watching}
          deliveries={deliveries}
          onRefresh={() => loadDeliveries(watching)}
          onRedeliver={(delivery) =>
            act(async () => {
              await api.redeliver(site.id, watching.id, delivery.id);
              loadDeliveries(watching);
            }, `${delivery.eventType} queued again.`)
          }
        />
      )}
    </>
  );
}
