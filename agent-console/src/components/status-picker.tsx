/**
 * @module The agent's status (online, away, offline) and load: how many chats they hold of how many
 * they take. Only Online gets new conversations; the choice is kept by the server across reloads.
 */
import { useId, useState } from 'preact/hooks';
import { AgentStatusSchema, type Agent, type AgentStatus } from '@parley/shared';
import { activeCount } from '../state/conversation-selectors.ts';
import { countOf } from './plural.ts';
import { useSession } from './session-context.ts';

const LABELS: Record<AgentStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline' };
const HINTS: Record<AgentStatus, string> = {
  online: 'You get new chats.',
  away: 'You keep your chats but get no new ones.',
  offline: 'You get no chats and visitors see nobody is available.',
};

export function StatusPicker({ agent }: { agent: Agent }) {
  const session = useSession();
  const { data } = session.store;
  const status = data.value.status;
  const active = activeCount(data.value);
  const selectId = useId();
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <div class="status-picker">
      <label class="visually-hidden" for={selectId}>
        Status
      </label>
      <span class={`status-picker__dot status-picker__dot--${status}`} aria-hidden="true" />
      <select
        id={selectId}
        class={`status-picker__select status-picker__select--${status}`}
        value={status}
        aria-describedby={hintId}
        onChange={(event) => {
          const chosen = AgentStatusSchema.safeParse(event.currentTarget.value);
          if (chosen.success) void session.setStatus(chosen.data).then(setProblem);
        }}
      >
        {AgentStatusSchema.options.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
      <span id={hintId} class="visually-hidden">
        {HINTS[status]}
      </span>
      <span
        class={`capacity${active >= agent.capacity ? ' capacity--full' : ''}`}
        title="Active chats of your capacity"
      >
        {active} of {countOf(agent.capacity, ['chat', 'chats'])}
      </span>
      {problem && (
        <span class="status-picker__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
