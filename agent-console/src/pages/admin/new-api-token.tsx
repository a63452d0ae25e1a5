/**
 * @module A token just created: its plain text, shown this once (the server keeps only its hash),
 * with a copy button, until the admin says they have it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { TextAreaField } from '../../components/form-field.tsx';

export function NewApiToken(props: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // the form they submitted stays where it was: move attention to what they must copy now
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card new-token" aria-labelledby="new-token-title">
      <h2 id="new-token-title" class="card__title" tabIndex={-1} ref={heading}>
        Copy the token for {props.name} now
      </h2>
      <p>You will not see it again: Parley keeps only a hash of it. Lost it? Revoke it and create another.</p>
      <TextAreaField
        label="New API token"
        name="new-token"
        value={props.token}
        onInput={() => undefined}
        readOnly
        rows={2}
      />
      <button
        type="button"
        class="button button--primary"
        onClick={() => {
          navigator.clipboard.writeText(props.token).then(
            () => setCopied('Token copied.'),
            () => setCopied('Could not copy: select the token and copy it yourself.'),
          );
        }}
      >
        Copy token
      </button>{' '}
      <button type="button" class="button button--quiet" onClick={props.onDone}>
        I have copied it
      </button>
      <span class="form-status" role="status">
        {copied ?? ''}
      </span>
    </section>
  );
}
