/**
 * @module A site's rules as a table in the order the widget tries them: counts, conversion, and the
 * buttons to move, turn on or off, edit and delete each. Moving uses buttons (keyboard and screen
 * reader friendly) rather than dragging; focus stays on the moved rule's button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProactiveRule } from '@parley/shared';
import { Dialog } from '../../components/dialog.tsx';
import { conversion } from './rule-draft.ts';
import { EmptyState } from '../../components/load-state.tsx';

interface Props {
  rules: ProactiveRule[];
  onEdit: (rule: ProactiveRule) => void;
  onToggle: (rule: ProactiveRule) => void;
  onDelete: (rule: ProactiveRule) => void;
  onMove: (rule: ProactiveRule, by: -1 | 1) => void;
}

export function RuleList({ rules, onEdit, onToggle, onDelete, onMove }: Props) {
  // after a move the row re-renders elsewhere: put the focus back on the button that was pressed,
  // or on the rule's other move button once it reached the top or the bottom
  const lastMove = useRef<{ labels: string[]; before: ProactiveRule[] } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const [deleting, setDeleting] = useState<ProactiveRule | null>(null);
  useEffect(() => {
    // effects may run late: wait for the list the move produced, not the one it started from
    if (lastMove.current === null || lastMove.current.before === rules) return;
    const { labels } = lastMove.current;
    lastMove.current = null;
    const buttons = [...(table.current?.querySelectorAll('button') ?? [])].filter((b) => !b.disabled);
    for (const label of labels) {
      const button = buttons.find((b) => b.getAttribute('aria-label') === label);
      if (button) return button.focus();
    }
  }, [rules]);

  if (rules.length === 0)
    return (
      <EmptyState
        title="No rules yet: the widget waits for visitors to write first."
        hint="A rule greets visitors on the pages you choose, after the time you choose."
      />
    );
  const move = (rule: ProactiveRule, by: -1 | 1) => {
    const [pressed, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    lastMove.current = { labels: [`Move ${rule.name} ${pressed}`, `Move ${rule.name} ${other}`], before: rules };
    onMove(rule, by);
  };

  return (
    <>
      {deleting && (
        <Dialog title={`Delete “${deleting.name}”?`} onClose={() => setDeleting(null)}>
          <p>The rule and its counts are deleted. Conversations it started keep saying so.</p>
          <div class="admin-form__actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                onDelete(deleting);
                setDeleting(null);
              }}
            >
              Delete rule
            </button>
            <button type="button" class="button button--quiet" onClick={() => setDeleting(null)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
      <table class="rules__table" aria-label="Rules" ref={table}>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Rule</th>
            <th scope="col">Fired</th>
            <th scope="col">Shown</th>
            <th scope="col">Opened</th>
            <th scope="col">Replied</th>
            <th scope="col">Conversion</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={rule.id} class={rule.enabled ? undefined : 'rules__row--off'}>
              <td>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Move ${rule.name} up`}
                  disabled={index === 0}
                  onClick={() => move(rule, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Move ${rule.name} down`}
                  disabled={index === rules.length - 1}
                  onClick={() => move(rule, 1)}
                >
                  ↓
                </button>
              </td>
              <th scope="row">
                {rule.name}
                {!rule.enabled && <span class="muted"> (off)</span>}
              </th>
              <td>{rule.stats.fired}</td>
              <td>{rule.stats.shown}</td>
              <td>{rule.stats.opened}</td>
              <td>{rule.stats.replied}</td>
              <td title="Replied ÷ shown">{conversion(rule.stats)}</td>
              <td>
                <label class="rules__toggle">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={rule.enabled}
                    onChange={() => onToggle(rule)}
                    aria-label={`${rule.name} enabled`}
                  />
                  On
                </label>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Edit ${rule.name}`}
                  onClick={() => onEdit(rule)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Delete ${rule.name}`}
                  onClick={() => setDeleting(rule)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
