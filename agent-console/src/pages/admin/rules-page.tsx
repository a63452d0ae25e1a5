/**
 * @module Admin page: proactive page rules per site. Lists a site's rules in the order the widget
 * tries them, with what each did (fired, shown, opened, replied, conversion), and lets the admin
 * reorder, turn on and off, delete, add and edit them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentAdminView, ProactiveRule, ProactiveRuleInput } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { FormMessage } from '../../components/form-field.tsx';
import { RuleEditor } from './rule-editor.tsx';
import { RuleList } from './rule-list.tsx';
import { draftOf, newRuleDraft } from './rule-draft.ts';
import { Loading } from '../../components/load-state.tsx';
import { SitePicker, useSiteChoice } from './site-choice.tsx';

export function RulesPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Rules">
      <AdminOnly agent={agent}>
        <RulesAdmin />
      </AdminOnly>
    </PageFrame>
  );
}

/** Which form is open: none, a new rule, or an existing one. */
type Editing = null | { kind: 'new' } | { kind: 'edit'; rule: ProactiveRule };

const failure = (caught: unknown, fallback: string) => (caught instanceof ApiError ? caught.message : fallback);

function RulesAdmin() {
  const { admin, rules: api } = useApi();
  const [agents, setAgents] = useState<AgentAdminView[]>([]);
  const [rules, setRules] = useState<ProactiveRule[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const { sites, siteId, site, choose } = useSiteChoice(setError);

  useEffect(() => {
    // the sender list; without it rules can still be sent as the site
    admin.listAgents().then(setAgents, () => undefined);
  }, [admin]);

  useEffect(() => {
    if (siteId === null) return;
    setRules(null);
    setEditing(null);
    api.list(siteId).then(setRules, (caught: unknown) => setError(failure(caught, 'Could not load the rules.')));
  }, [api, siteId]);

  const replace = (rule: ProactiveRule) => setRules((list) => (list ?? []).map((r) => (r.id === rule.id ? rule : r)));

  /** Runs a change, showing its refusal at the top of the list. */
  const act = (work: () => Promise<void>, done: string) => {
    setError(null);
    setNotice(null);
    work().then(
      () => setNotice(done),
      (caught: unknown) => setError(failure(caught, 'That did not work. Please try again.')),
    );
  };

  async function save(input: ProactiveRuleInput): Promise<void> {
    if (!site || editing === null) return;
    if (editing.kind === 'new') {
      const created = await api.create(site.id, input);
      setRules((list) => [...(list ?? []), created]);
      setNotice(`Rule “${created.name}” added.`);
    } else {
      const updated = await api.replace(site.id, editing.rule.id, input);
      replace(updated);
      setNotice(`Rule “${updated.name}” saved.`);
    }
    setEditing(null);
  }

  if (sites === null) return <FormMessage error={error} success={error ? null : 'Loading sites…'} />;
  if (!site) return <p class="muted">Add a site first: rules belong to a site.</p>;

  return (
    <>
      <SitePicker sites={sites} site={site} choose={choose} />
      <p class="muted">
        The widget on {site.name} tries these rules from top to bottom and shows at most one message at a time. Changes
        reach pages within a minute.
      </p>
      <FormMessage error={error} success={notice} />
      {rules === null ? (
        <Loading label="Loading rules…" />
      ) : (
        <RuleList
          rules={rules}
          onEdit={(rule) => setEditing({ kind: 'edit', rule })}
          onToggle={(rule) =>
            act(
              async () => replace(await api.setEnabled(site.id, rule.id, !rule.enabled)),
              `Rule “${rule.name}” ${rule.enabled ? 'turned off' : 'turned on'}.`,
            )
          }
          onDelete={(rule) =>
            act(async () => {
              await api.remove(site.id, rule.id);
              setRules((list) => (list ?? []).filter((r) => r.id !== rule.id));
            }, `Rule “${rule.name}” deleted.`)
          }
          onMove={(rule, by) => {
            const ids = rules.map((r) => r.id);
            const from = ids.indexOf(rule.id);
            const to = from + by;
            if (from < 0 || to < 0 || to >= ids.length) return;
            ids.splice(to, 0, ...ids.splice(from, 1));
            act(
              async () => setRules(await api.reorder(site.id, ids)),
              `Rule “${rule.name}” moved ${by < 0 ? 'up' : 'down'}.`,
            );
          }}
        />
      )}
      {rules === null ? null : editing === null ? (
        <button
          type="button"
          class="button button--primary"
          onClick={() => (setNotice(null), setEditing({ kind: 'new' }))}
        >
          New rule
        </button>
      ) : (
        <section class="card">
          <RuleEditor
            key={editing.kind === 'new' ? 'new' : editing.rule.id}
            title={editing.kind === 'new' ? 'New rule' : `Edit rule “${editing.rule.name}”`}
            initial={editing.kind === 'new' ? newRuleDraft() : draftOf(editing.rule)}
            agents={agents}
            site={site}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
    </>
  );
}
