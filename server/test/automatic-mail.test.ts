/**
 * Which mails no person wrote: parsed by the real mailparser from mails composed by nodemailer.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { automaticMailReason } from '../src/mail/automatic-mail.ts';
import { composeMail } from './support/email.ts';

const reasonFor = async (input: Partial<Parameters<typeof composeMail>[0]>) =>
  automaticMailReason(
    await simpleParser(await composeMail({ from: 'ada@example.com', to: 'reply+t@parley.test', text: 'Hi', ...input })),
  );

describe('automatic mail', () => {
  it('lets a person’s reply through, also one that says Auto-Submitted: no', async () => {
    expect(await reasonFor({})).toBeUndefined();
    expect(await reasonFor({ headers: { 'Auto-Submitted': 'no' } })).toBeUndefined();
    expect(await reasonFor({ headers: { Precedence: 'first-class' } })).toBeUndefined();
  });

  it('names out-of-office replies, bulk mail, responder headers and mail-system senders', async () => {
    expect(await reasonFor({ headers: { 'Auto-Submitted': 'auto-replied' } })).toBe('it is marked Auto-Submitted');
    expect(await reasonFor({ headers: { 'Auto-Submitted': 'Auto-Generated' } })).toBe('it is marked Auto-Submitted');
    expect(await reasonFor({ headers: { Precedence: 'bulk' } })).toBe('it is marked as bulk or an automatic reply');
    expect(await reasonFor({ headers: { 'X-Autoreply': 'yes' } })).toBe('it is an automatic reply');
    expect(await reasonFor({ headers: { 'X-Auto-Response-Suppress': 'All' } })).toBe('it is an automatic reply');
    expect(await reasonFor({ from: 'MAILER-DAEMON@mx.example.com' })).toBe('it comes from a mail system, not a person');
    expect(await reasonFor({ from: 'postmaster@example.com' })).toBe('it comes from a mail system, not a person');
  });

  it('names a delivery status report', async () => {
    const raw = [
      'From: Mail Delivery System <bounces@mx.example.com>',
      'To: reply+t@parley.test',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Action: failed',
      '--b--',
      '',
    ].join('\r\n');
    expect(automaticMailReason(await simpleParser(Buffer.from(raw)))).toBe('it is a delivery report');
  });
});
