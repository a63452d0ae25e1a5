/**
 * @module Admin page: API tokens for other systems calling the public REST API (issue 21). Lists
 * every token with its scopes, sites and last use; creates one (its plain text shown once, with a
 * copy button) and revokes one for good.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, ApiToken, CreateApiTokenRequest, SiteAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { Loading, LoadFailed } from '../../components/load-state.tsx';
import { FormMessage } from '../../components/form-field.tsx';
import { ApiTokenForm } from './api-token-form.tsx';
import { NewApiToken } from './new-api-token.tsx';

export function ApiTokensPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="API tokens">
      <AdminOnly agent={agent}>
        <ApiTokensAdmin />
      </AdminOnly>
    </PageFrame>
  );
}

const when = (iso: string | null) => (iso === null ? 'Never' : new Date(iso).toLocaleString());

function ApiTokensAdmin() {
  const { apiTokens, admin } = useApi();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [sites, setSites] = useState<SiteAdminView[]>([]);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    Promise.all([apiTokens.list(), admin.listSites()]).then(
      ([list, siteList]) => {
        setTokens(list);
        setSites(siteList);
      },
      (caught: unknown) => setError(messageOf(caught)),
    );
  }, [apiTokens, admin, attempt]);

  const siteNames = (ids: string[] | null) =>
    ids === null ? 'All sites' : ids.map((id) => sites.find((s) => s.id === id)?.name ?? id).join(', ');

  async function create(request: CreateApiTokenRequest): Promise<void> {
    setError(null);
    setDone(null);
    try {
      const answer = await apiTokens.create(request);
      setTokens((list) => [answer.apiToken, ...(list ?? [])]);
      setCreated({ token: answer.token, name: answer.apiToken.name });
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  async function revoke(token: ApiToken): Promise<void> {
    setError(null);
    setConfirming(null);
    try {
      const revoked = await apiTokens.revoke(token.id);
      setTokens((list) => (list ?? []).map((t) => (t.id === revoked.id ? revoked : t)));
      setDone(`${revoked.name} is revoked: requests with it are refused from now on.`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  if (tokens === null) {
    return error ? (
      <LoadFailed
        message={error}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    ) : (
      <Loading label="Loading API tokens…" />
    );
  }

  return (
    <>
      <p class="muted">
        Other systems call the <a href="/api/v1/reference">REST API</a> with a token as{' '}
        <code>Authorization: Bearer …</code>. Parley keeps only a hash of each token.
      </p>
      <FormMessage error={error} success={done} />
      {created && <NewApiToken token={created.token} name={created.name} onDone={() => setCreated(null)} />}
      {tokens.length === 0 ? (
        <p>No API tokens yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Scopes</th>
                <th scope="col">Sites</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  {/* an external bot's token (Admin → Sites, Answer bot): its limits are the bot's, not scopes */}
                  <td>{token.botSiteId ? 'External bot: the conversations its bot holds' : token.scopes.join(', ')}</td>
                  <td>{siteNames(token.siteIds)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td>{token.revokedAt === null ? 'Active' : `Revoked ${when(token.revokedAt)}`}</td>
                  <td class="admin-table__actions">
                    {token.revokedAt === null &&
                      (confirming === token.id ? (
                        <>
                          {token.botSiteId && (
                            <span class="field__hint">The bot stops until its credentials are rotated in Sites.</span>
                          )}
                          <button
                            type="button"
                            class="button button--quiet"
                            aria-label={`Confirm: revoke ${token.name}`}
                            onClick={() => void revoke(token)}
                          >
                            Revoke for good
                          </button>
                          <button type="button" class="button button--quiet" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          class="button button--quiet"
                          aria-label={`Revoke ${token.name}`}
                          onClick={() => setConfirming(token.id)}
                        >
                          Revoke
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="card" aria-labelledby="add-token-title">
        <h2 id="add-token-title" class="card__title">
          Create a token
        </h2>
        <ApiTokenForm sites={sites} onSubmit={create} />
      </section>
    </>
  );
}

function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.';
}
