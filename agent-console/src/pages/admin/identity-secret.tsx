/**
 * @module The site's identity secret (for the host app's server to compute userHash), hidden until
 * asked for, and replaceable when it leaked; plus whether visitors must prove who they are.
 */
import { useState } from 'preact/hooks';
import { CheckboxField } from '../../components/form-field.tsx';

export function IdentitySecret(props: {
  secret: string;
  required: boolean;
  onRequired: (required: boolean) => void;
  onRegenerate: () => Promise<void>;
}) {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">Identity verification</legend>
      <p class="muted">
        Your server computes <code>userHash</code> = HMAC-SHA256 of the user id with this secret and passes it to{' '}
        <code>Parley('identify', …)</code>, so a visitor cannot pose as another user.
      </p>
      <div class="secret">
        <code class="secret__value" aria-label="Identity secret">
          {shown ? props.secret : '•'.repeat(24)}
        </code>
        <button type="button" class="button button--quiet" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide secret' : 'Show secret'}
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void props.onRegenerate().finally(() => setBusy(false));
          }}
        >
          Regenerate secret
        </button>
      </div>
      <CheckboxField
        label="Require verified identity"
        name="identity-required"
        checked={props.required}
        onChange={props.onRequired}
        hint="Identify calls without a valid userHash are refused."
      />
    </fieldset>
  );
}
