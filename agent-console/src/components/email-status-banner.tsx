/**
 * @module Says plainly when ticket mail cannot go out (no SMTP_URL): tickets still work and their
 * mail waits in the outbox, but visitors get nothing until someone configures it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EmailStatus } from '@parley/shared';
import { useApi } from './api-context.ts';

export function EmailStatusBanner() {
  const { email } = useApi();
  const [status, setStatus] = useState<EmailStatus | null>(null);
  useEffect(() => {
    // no banner when the status cannot be read: a guess would be worse than silence
    email.status().then(setStatus, () => undefined);
  }, [email]);
  if (status === null || status.outbound.configured) return null;
  const waiting = status.outbound.pending;
  return (
    <p class="alert" role="status">
      Email is not configured, so replies are not sent to visitors yet
      {waiting > 0 ? ` (${waiting} ${waiting === 1 ? 'email is' : 'emails are'} waiting in the outbox)` : ''}. An admin
      can set SMTP_URL and MAIL_FROM on the server to send them.
    </p>
  );
}
