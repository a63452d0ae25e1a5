/**
 * @module Tells mail no person wrote — out-of-office replies, vacation responders, bounces and
 * delivery reports — from a visitor's reply. Appending those to a ticket would show the agent noise
 * as if the visitor had answered, and reopen solved tickets for nothing.
 * The signals are the standard ones (RFC 3834 Auto-Submitted, RFC 3464 delivery reports) plus the
 * headers the common responders (Exchange, Gmail, Postfix vacation) still send.
 */
import type { ParsedMail } from 'mailparser';

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const SYSTEM_SENDER = /^(mailer-daemon|postmaster)@/i;

/** Why the mail is automatic, or undefined when a person may have written it. */
export function automaticMailReason(parsed: ParsedMail): string | undefined {
  const header = (name: string): string => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : '';
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return 'it is marked Auto-Submitted';
  if (BULK_PRECEDENCE.has(header('precedence'))) return 'it is marked as bulk or an automatic reply';
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '' || header('x-auto-response-suppress') === 'all')
    return 'it is an automatic reply';
  const contentType = parsed.headers.get('content-type');
  const reportType =
    contentType && typeof contentType === 'object' && 'value' in contentType && typeof contentType.value === 'string'
      ? contentType.value
      : '';
  if (reportType.toLowerCase() === 'multipart/report') return 'it is a delivery report';
  const from = parsed.from?.value.find((a) => a.address)?.address ?? '';
  if (SYSTEM_SENDER.test(from)) return 'it comes from a mail system, not a person';
  return undefined;
}
