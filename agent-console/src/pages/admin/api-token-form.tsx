/**
 * @module Creating an API token: a name, the scopes (read, write, admin) and optionally the sites it
 * is limited to. Checked with the shared schema before it is sent, as the server will check it.
 */
import { useState } from 'preact/hooks';
import {
  CreateApiTokenRequestSchema,
  describeIssues,
  type ApiScope,
  type CreateApiTokenRequest,
  type SiteAdminView,
} from '@parley/shared';
import { CheckboxField, TextField } from '../../components/form-field.tsx';

const SCOPES: ReadonlyArray<readonly [ApiScope, string, string]> = [
  ['read', 'Read', 'List and read conversations, visitors, tickets, agents, sites, reports and articles.'],
  ['write', 'Write', 'Send messages, assign, transfer, close and reopen chats, update visitors and tickets.'],
  ['admin', 'Admin', "Change sites' settings."],
];

export function ApiTokenForm(props: {
  sites: readonly SiteAdminView[];
  onSubmit: (request: CreateApiTokenRequest) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['read']);
  const [limited, setLimited] = useState(false);
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const toggle = <T,>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const request: CreateApiTokenRequest = { name, scopes, siteIds: limited ? siteIds : null };
    const parsed = CreateApiTokenRequestSchema.safeParse(request);
    if (!parsed.success) {
      setErrors(Object.fromEntries(describeIssues(parsed.error).map((i) => [i.path.split('.')[0] ?? '', i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await props.onSubmit(request);
      setName('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Name"
        name="token-name"
        value={name}
        onInput={setName}
        required
        hint="What uses it, e.g. CRM sync."
        error={errors.name}
      />
      <fieldset class="fieldset" aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
        <legend class="fieldset__legend">Scopes</legend>
        {SCOPES.map(([scope, label, hint]) => (
          <CheckboxField
            key={scope}
            label={label}
            name={`scope-${scope}`}
            checked={scopes.includes(scope)}
            onChange={(on) => setScopes(toggle(scopes, scope, on))}
            hint={hint}
          />
        ))}
        {errors.scopes && (
          <p id="token-scopes-error" class="field__error">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <fieldset class="fieldset" aria-describedby={errors.siteIds ? 'token-sites-error' : undefined}>
        <legend class="fieldset__legend">Sites</legend>
        <CheckboxField
          label="Only some sites"
          name="token-limited"
          checked={limited}
          onChange={setLimited}
          hint="Unchecked: the token may use every site, including ones added later."
        />
        {limited &&
          props.sites.map((site) => (
            <CheckboxField
              key={site.id}
              label={site.name}
              name={`site-${site.id}`}
              checked={siteIds.includes(site.id)}
              onChange={(on) => setSiteIds(toggle(siteIds, site.id, on))}
            />
          ))}
        {errors.siteIds && (
          <p id="token-sites-error" class="field__error">
            {errors.siteIds}
          </p>
        )}
      </fieldset>
      <button type="submit" class="button button--primary" disabled={busy}>
        Create token
      </button>
    </form>
  );
}
