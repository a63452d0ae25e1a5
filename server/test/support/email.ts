/**
 * @module Email test kit: a Parley wired to a real SMTP sink with a clock the test moves, real MIME
 * replies built with nodemailer's composer, and the inbound webhook called over HTTP.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { SendResult, SessionResumeResult } from '@parley/shared';
import { startTestServer, type TestServer } from './test-server.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { call, clientId, connectVisitor, connected, type VisitorSocket } from './clients.ts';

export const INBOUND_SECRET = 'inbound-secret-for-tests-0123456789';
export const INBOUND_DOMAIN = 'in.parley.test';

export interface EmailWorld {
  t: TestServer;
  sink: SmtpSink;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startEmailWorld(
  env: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<EmailWorld> {
  const sink = await startSmtpSink();
  let clock = Date.parse('2026-03-01T10:00:00.000Z');
  const t = await startTestServer({
    now: () => new Date(clock),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Parley Support <support@parley.test>',
      INBOUND_EMAIL_DOMAIN: INBOUND_DOMAIN,
      INBOUND_EMAIL_SECRET: INBOUND_SECRET,
      QUEUE_MAX_WAIT_SECONDS: '300',
      UNSEEN_REPLY_EMAIL_DELAY_SECONDS: '60',
      ...env,
    },
  });
  return {
    t,
    sink,
    advance(ms) {
      clock += ms;
    },
    async close() {
      await t.close();
      await sink.close();
    },
  };
}

/** A visitor leaves a message while nobody is online. */
export async function leaveOffline(
  t: TestServer,
  input: { body: string; email?: string; name?: string },
): Promise<{ visitor: VisitorSocket; result: SendResult }> {
  const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(visitor);
  await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
  const result = await call<SendResult>(visitor, 'offline:message', {
    clientMessageId: clientId(),
    name: input.name ?? 'Ada',
    email: input.email ?? 'ada@example.com',
    body: input.body,
  });
  return { visitor, result };
}

export function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  return [header ?? []].flat().flatMap((h) => h.value.map((a) => a.address ?? ''));
}

export const sentTo = (address: string) => (mail: ParsedMail) => addresses(mail.to).includes(address);

export function referencesOf(mail: ParsedMail): string[] {
  return [mail.references ?? []].flat();
}

/** A real MIME message, as a mail client would send it. */
export function composeMail(input: {
  from: string;
  to: string;
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: Array<{ filename: string; content: Buffer }>;
  headers?: Record<string, string>;
}): Promise<Buffer> {
  return new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject ?? 'Re: Your conversation with Demo',
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.messageId ? { messageId: input.messageId } : {}),
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.references ? { references: input.references } : {}),
    ...(input.attachments ? { attachments: input.attachments } : {}),
    ...(input.headers ? { headers: input.headers } : {}),
  })
    .compile()
    .build();
}

export async function postInbound(
  url: string,
  raw: Buffer | string,
  auth: string | null = `Bearer ${INBOUND_SECRET}`,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'message/rfc822' };
  if (auth) headers.authorization = auth;
  const res = await fetch(`${url}/api/inbound/email`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
