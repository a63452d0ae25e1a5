/**
 * @module One agent's details as a form: adding a new agent (with a first password) or editing one.
 * The request is checked with the shared schema before it is sent; the server's answer names the
 * fields it refused, shown beside them.
 */
import { useState } from 'preact/hooks';
import type { AgentAdminView, AgentRole } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { FormMessage, SelectField, TextField } from '../../components/form-field.tsx';

export interface AgentFormValues {
  name: string;
  email: string;
  role: AgentRole;
  capacity: number;
  password?: string;
}

const ROLES = [
  ['agent', 'Agent'],
  ['admin', 'Admin'],
] as const;

export function AgentForm({
  agent,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** Absent: a new agent. */
  agent?: AgentAdminView;
  submitLabel: string;
  onSubmit: (values: AgentFormValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(agent?.name ?? '');
  const [email, setEmail] = useState(agent?.email ?? '');
  const [role, setRole] = useState<AgentRole>(agent?.role ?? 'agent');
  const [capacity, setCapacity] = useState(String(agent?.capacity ?? 3));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const values: AgentFormValues = {
      name,
      email,
      role,
      capacity: capacity.trim() === '' ? Number.NaN : Number(capacity),
    };
    if (!agent) values.password = password;
    try {
      await onSubmit(values);
      if (!agent) {
        setName('');
        setEmail('');
        setPassword('');
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving failed. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="admin-form" noValidate onSubmit={(event) => void submit(event)}>
      <div class="admin-form__grid">
        <TextField
          label="Name"
          name="name"
          value={name}
          onInput={setName}
          error={error?.issueAt('name')}
          autoComplete="off"
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          onInput={setEmail}
          error={error?.issueAt('email')}
          autoComplete="off"
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          options={ROLES}
          onChange={setRole}
          error={error?.issueAt('role')}
        />
        <TextField
          label="Capacity"
          name="capacity"
          type="number"
          min={0}
          max={50}
          value={capacity}
          onInput={setCapacity}
          error={error?.issueAt('capacity')}
          hint="Chats at once; 0 takes none."
        />
        {!agent && (
          <TextField
            label="Password"
            name="password"
            type="password"
            value={password}
            onInput={setPassword}
            error={error?.issueAt('password')}
            autoComplete="new-password"
            hint="At least 8 characters. Tell the agent; they sign in with it."
          />
        )}
      </div>
      <FormMessage
        error={error && error.issues.length === 0 ? error.message : error ? 'Check the fields marked below.' : null}
      />
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
