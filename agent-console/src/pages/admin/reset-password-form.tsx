/**
 * @module Setting a new password for an agent. It signs them out everywhere, so a leaked password
 * stops working at once; resetting one's own password therefore ends this session too.
 */
import { useState } from 'preact/hooks';
import type { AgentAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { FormMessage, TextField } from '../../components/form-field.tsx';

export function ResetPasswordForm({
  agent,
  isSelf,
  onReset,
}: {
  agent: AgentAdminView;
  isSelf: boolean;
  onReset: (password: string) => Promise<void>;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="admin-form"
      aria-label={`New password for ${agent.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        onReset(password)
          .then(() => setPassword(''))
          .catch((caught: unknown) =>
            setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Reset failed.')),
          )
          .finally(() => setBusy(false));
      }}
    >
      <TextField
        label="New password"
        name="new-password"
        type="password"
        autoComplete="new-password"
        value={password}
        onInput={setPassword}
        error={error?.issueAt('password')}
        hint={
          isSelf
            ? 'You will be signed out and sign in again with it.'
            : 'They are signed out everywhere and sign in with it.'
        }
      />
      <FormMessage error={error && error.issues.length === 0 ? error.message : null} />
      <button type="submit" class="button button--quiet" disabled={busy}>
        Set new password
      </button>
    </form>
  );
}
