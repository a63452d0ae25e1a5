/**
 * @module Creating or editing one page rule: its name, the conditions in AND / OR groups, what it
 * shows and as whom, how often, a preview of the bubble and a URL test. Saved as one request; a
 * refusal is shown beside the field it names.
 */
import { useState } from 'preact/hooks';
import type { AgentAdminView, ProactiveRuleInput, RuleCondition } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { CheckboxField, FormMessage, SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { RuleConditionFields } from './rule-condition-fields.tsx';
import { RulePreview } from './rule-preview.tsx';
import { RuleUrlTester } from './rule-url-tester.tsx';
import { FREQUENCIES, defaultCondition, numberOf, textOf } from './rule-draft.ts';

const RULE_MATCH = [
  ['all', 'every group holds (AND)'],
  ['any', 'any group holds (OR)'],
] as const;
const GROUP_MATCH = [
  ['all', 'all of these (AND)'],
  ['any', 'any of these (OR)'],
] as const;

interface Props {
  title: string;
  initial: ProactiveRuleInput;
  agents: AgentAdminView[];
  site: { name: string; color: string };
  onSave: (rule: ProactiveRuleInput) => Promise<void>;
  onCancel: () => void;
}

type Groups = ProactiveRuleInput['conditions']['groups'];

export function RuleEditor({ title, initial, agents, site, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<ProactiveRuleInput>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const issue = (path: string) => error?.issueAt(path);
  // a list's own refusal (empty group), not one of the items inside it
  const listIssue = (path: string) => error?.issues.find((i) => i.path === path)?.message;
  const edit = (change: Partial<ProactiveRuleInput>) => setDraft((d) => ({ ...d, ...change }));
  const editAction = (change: Partial<ProactiveRuleInput['action']>) =>
    setDraft((d) => ({ ...d, action: { ...d.action, ...change } }));
  const setGroups = (groups: Groups) => setDraft((d) => ({ ...d, conditions: { ...d.conditions, groups } }));
  const { groups } = draft.conditions;
  const editGroup = (g: number, change: Partial<Groups[number]>) =>
    setGroups(groups.map((group, i) => (i === g ? { ...group, ...change } : group)));
  const editCondition = (g: number, c: number, condition: RuleCondition) =>
    editGroup(g, { conditions: (groups[g]?.conditions ?? []).map((existing, i) => (i === c ? condition : existing)) });

  const activeAgents = agents.filter((agent) => agent.active);
  const senderOptions: Array<readonly [string, string]> = [
    ['site', `The site (${site.name})`],
    ...activeAgents.map((a) => [a.id, a.name] as const),
  ];
  const { sender } = draft.action;
  const senderName =
    sender.kind === 'agent' ? (activeAgents.find((a) => a.id === sender.agentId)?.name ?? site.name) : site.name;

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(draft);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving failed. Please try again.'));
      setBusy(false);
    }
  }

  return (
    <form class="admin-form rule-editor" noValidate aria-label={title} onSubmit={(event) => void save(event)}>
      <h2 class="card__title">{title}</h2>
      <TextField
        label="Rule name"
        name="name"
        value={draft.name}
        onInput={(name) => edit({ name })}
        error={issue('name')}
        hint="For you and your team; visitors never see it."
      />
      <CheckboxField label="Enabled" name="enabled" checked={draft.enabled} onChange={(enabled) => edit({ enabled })} />

      <fieldset class="fieldset">
        <legend class="fieldset__legend">When</legend>
        <SelectField
          label="Show when"
          name="match"
          value={draft.conditions.match}
          options={RULE_MATCH}
          onChange={(match) => setDraft((d) => ({ ...d, conditions: { ...d.conditions, match } }))}
        />
        {listIssue('conditions.groups') && <p class="field__error">{listIssue('conditions.groups')}</p>}
        {groups.map((group, g) => (
          <fieldset key={g} class="fieldset rule-group">
            <legend class="fieldset__legend">Group {g + 1}</legend>
            <SelectField
              label={`Group ${g + 1} holds when`}
              name={`group-${g}-match`}
              value={group.match}
              options={GROUP_MATCH}
              onChange={(match) => editGroup(g, { match })}
            />
            {group.conditions.map((condition, c) => (
              <RuleConditionFields
                key={c}
                legend={`Condition ${c + 1}`}
                condition={condition}
                path={`conditions.groups.${g}.conditions.${c}`}
                issue={(path) => issue(path)}
                onChange={(next) => editCondition(g, c, next)}
                onRemove={
                  group.conditions.length > 1
                    ? () => editGroup(g, { conditions: group.conditions.filter((_, i) => i !== c) })
                    : null
                }
              />
            ))}
            {listIssue(`conditions.groups.${g}.conditions`) && (
              <p class="field__error">{listIssue(`conditions.groups.${g}.conditions`)}</p>
            )}
            <div class="admin-form__actions">
              <button
                type="button"
                class="button button--quiet"
                onClick={() => editGroup(g, { conditions: [...group.conditions, defaultCondition('timeOnPage')] })}
              >
                Add condition to group {g + 1}
              </button>
              {groups.length > 1 && (
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => setGroups(groups.filter((_, i) => i !== g))}
                >
                  Remove group {g + 1}
                </button>
              )}
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          class="button button--quiet"
          onClick={() => setGroups([...groups, { match: 'all', conditions: [defaultCondition('url')] }])}
        >
          Add group
        </button>
      </fieldset>

      <fieldset class="fieldset">
        <legend class="fieldset__legend">Then</legend>
        <TextAreaField
          label="Message"
          name="message"
          value={draft.action.message}
          onInput={(message) => editAction({ message })}
          error={issue('action.message')}
        />
        <SelectField
          label="Sent as"
          name="sender"
          value={sender.kind === 'agent' ? sender.agentId : 'site'}
          options={senderOptions}
          onChange={(id) => editAction({ sender: id === 'site' ? { kind: 'site' } : { kind: 'agent', agentId: id } })}
          error={issue('action.sender.agentId')}
        />
        <CheckboxField
          label="Open the chat panel too"
          name="open-panel"
          checked={draft.action.openPanel}
          onChange={(openPanel) => editAction({ openPanel })}
        />
        <TextField
          type="number"
          label="Delay in seconds"
          name="delay"
          min={0}
          value={textOf(draft.action.delaySeconds)}
          onInput={(text) => editAction({ delaySeconds: numberOf(text) })}
          error={issue('action.delaySeconds')}
          hint="After the conditions hold, wait this long (they must still hold)."
        />
        <RulePreview message={draft.action.message} senderName={senderName} color={site.color} />
      </fieldset>

      <fieldset class="fieldset">
        <legend class="fieldset__legend">How often</legend>
        <SelectField
          label="Frequency"
          name="frequency"
          value={draft.frequency}
          options={FREQUENCIES}
          onChange={(frequency) => edit({ frequency })}
        />
        <TextField
          type="number"
          label="Cooldown in minutes"
          name="cooldown"
          min={0}
          value={textOf(draft.cooldownMinutes)}
          onInput={(text) => edit({ cooldownMinutes: numberOf(text) })}
          error={issue('cooldownMinutes')}
          hint="At least this long between two showings to one visitor; 0 for no cooldown."
        />
      </fieldset>

      <RuleUrlTester conditions={draft.conditions} />

      <FormMessage
        error={
          error ? (error.issues.length > 0 ? 'The rule needs fixing: see the marked fields.' : error.message) : null
        }
      />
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save rule
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
