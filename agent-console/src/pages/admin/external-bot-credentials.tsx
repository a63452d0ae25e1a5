/**
 * @module An external bot's signing secret and API token, the one time they are shown (after the bot
 * is registered or its credentials rotated): the admin copies both into the bot's configuration now.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExternalBotCredentials as Credentials } from '@parley/shared';

function CopyLine(props: { label: string; value: string; copyLabel: string; onCopied: (note: string) => void }) {
  return (
    <div class="secret">
      <code class="secret__value" aria-label={props.label}>
        {props.value}
      </code>
      <button
        type="button"
        class="button button--quiet"
        onClick={() => {
          const clipboard = navigator.clipboard as Clipboard | undefined;
          (clipboard?.writeText(props.value) ?? Promise.reject(new Error('no clipboard'))).then(
            () => props.onCopied(`${props.label} copied.`),
            () => props.onCopied(`Could not copy: select the ${props.label.toLowerCase()} and copy it yourself.`),
          );
        }}
      >
        {props.copyLabel}
      </button>
    </div>
  );
}

export function ExternalBotCredentials({ credentials, onDone }: { credentials: Credentials; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // the new credentials are where the admin's attention goes next
  useEffect(() => heading.current?.focus(), [credentials]);
  return (
    <section class="card external-bot-credentials" aria-labelledby="external-bot-credentials-title">
      <h3 class="card__title" id="external-bot-credentials-title" tabIndex={-1} ref={heading}>
        Copy the bot's secret and token now
      </h3>
      <p>
        They are shown only this once. The bot verifies each delivery's <code>Parley-Signature</code> with the secret,
        and calls the REST API with the token. Lost them? Rotate the credentials.
      </p>
      <CopyLine label="Signing secret" value={credentials.secret} copyLabel="Copy secret" onCopied={setCopied} />
      <CopyLine label="Bot API token" value={credentials.token} copyLabel="Copy token" onCopied={setCopied} />
      <button type="button" class="button button--primary" onClick={onDone}>
        I have stored them
      </button>{' '}
      <span class="form-status" role="status">
        {copied ?? ''}
      </span>
    </section>
  );
}
