/**
 * @module An endpoint's signing secret, the one time it is shown (after creating the endpoint or
 * rotating its secret): the admin copies it into the receiver's configuration now or rotates later.
 */
import { useEffect, useRef } from 'preact/hooks';

export function WebhookSecret({ secret, url, onDone }: { secret: string; url: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // the new secret is where the admin's attention goes next
  useEffect(() => heading.current?.focus(), [secret]);
  return (
    <section class="card webhook-secret" aria-labelledby="webhook-secret-title">
      <h2 class="card__title" id="webhook-secret-title" tabIndex={-1} ref={heading}>
        Signing secret for {url}
      </h2>
      <p>
        Store it with your receiver now: it is shown only this once. Verify each request's <code>Parley-Signature</code>{' '}
        header with it (docs/webhooks.md).
      </p>
      <div class="secret">
        <code class="secret__value webhook-secret__value" aria-label="Signing secret">
          {secret}
        </code>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => void navigator.clipboard?.writeText(secret).catch(() => undefined)}
        >
          Copy secret
        </button>
      </div>
      <button type="button" class="button button--primary" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
