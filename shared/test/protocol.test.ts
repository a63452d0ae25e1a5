/**
 * The wire protocol's promises: payloads that are wrong are refused with a path, error codes are
 * unique, and every client event declares a payload schema.
 */
import { describe, expect, it } from 'vitest';
import {
  AgentSendSchema,
  ErrorBodySchema,
  ErrorCode,
  LoginRequestSchema,
  MAX_MESSAGE_LENGTH,
  ConversationRateSchema,
  OfflineMessageSchema,
  PageViewSchema,
  SessionResumeSchema,
  VisitorIdentifySchema,
  VisitorHandshakeSchema,
  VisitorSendSchema,
  TicketConvertSchema,
  TicketReplySchema,
  TicketSetStatusSchema,
  agentClientEvents,
  agentTicketClientEvents,
  describeIssues,
  visitorClientEvents,
} from '../src/index.ts';

describe('protocol schemas', () => {
  it('accepts a well-formed visitor send and refuses blank, oversized or oddly identified ones', () => {
    expect(VisitorSendSchema.safeParse({ clientMessageId: 'abc-123_XYZ', body: 'Hello' }).success).toBe(true);
    for (const bad of [
      { clientMessageId: 'abc-123_XYZ', body: '   \n' },
      { clientMessageId: 'abc-123_XYZ', body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) },
      { clientMessageId: 'short', body: 'hi' },
      { clientMessageId: 'has spaces in it', body: 'hi' },
      { body: 'hi' },
    ]) {
      expect(VisitorSendSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('keeps message bodies as written (no trimming of what people typed)', () => {
    const parsed = VisitorSendSchema.parse({ clientMessageId: 'abcdefgh', body: '  indented\n' });
    expect(parsed.body).toBe('  indented\n');
  });

  it('normalises sign-in emails and accepts single-label hosts like admin@localhost', () => {
    expect(LoginRequestSchema.parse({ email: ' Admin@LocalHost ', password: 'x' }).email).toBe('admin@localhost');
    expect(LoginRequestSchema.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false);
  });

  it('says where a payload is wrong', () => {
    const result = AgentSendSchema.safeParse({ conversationId: 5, clientMessageId: 'abcdefgh', body: 'ok' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeIssues(result.error)).toEqual([{ path: 'conversationId', message: expect.any(String) }]);
    const resume = SessionResumeSchema.safeParse({ conversationId: null, lastSeq: -1 });
    expect(resume.success).toBe(false);
  });

  it('requires a site key at the visitor handshake and bounds the token', () => {
    expect(VisitorHandshakeSchema.safeParse({ siteKey: 'pk_1' }).success).toBe(true);
    expect(VisitorHandshakeSchema.safeParse({ siteKey: '' }).success).toBe(false);
    expect(VisitorHandshakeSchema.safeParse({ siteKey: 'pk_1', token: 'x'.repeat(600) }).success).toBe(false);
  });

  it('has unique error codes, all accepted by the error body schema', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(ErrorBodySchema.safeParse({ error: { code, message: 'm' } }).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { code: 'made_up', message: 'm' } }).success).toBe(false);
  });

  it('names events entity:verb and gives each client event a payload schema', () => {
    const all = [
      ...Object.entries(visitorClientEvents),
      ...Object.entries(agentClientEvents),
      ...Object.entries(agentTicketClientEvents),
    ];
    for (const [name, spec] of all) {
      expect(name).toMatch(/^[a-z]+:[a-z]+$/);
      expect(typeof spec.payload.safeParse).toBe('function');
    }
  });

  it('bounds what a host page can say about its visitor', () => {
    expect(
      VisitorIdentifySchema.safeParse({
        userId: 'u_42',
        name: 'Ada',
        email: 'Ada@Example.com',
        attributes: { plan: 'pro', seats: 3, trial: false, ref: null },
        userHash: 'a1B2c3',
      }).success,
    ).toBe(true);
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    for (const bad of [
      { attributes: tooMany },
      { attributes: { nested: { a: 1 } } },
      { attributes: { long: 'x'.repeat(501) } },
      { userHash: 'not-hex!' },
      { userId: 'x'.repeat(129) },
      { email: 'nope' },
    ]) {
      expect(VisitorIdentifySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('takes only http(s) page URLs, ratings 1–5 and offline messages with an email', () => {
    expect(PageViewSchema.safeParse({ url: 'https://shop.example/a?b=c', title: 'A' }).success).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://x.example/',
      `https://x.example/${'a'.repeat(2048)}`,
    ]) {
      expect(PageViewSchema.safeParse({ url, title: 'A' }).success).toBe(false);
    }
    expect(ConversationRateSchema.safeParse({ conversationId: 'c1', rating: 5 }).success).toBe(true);
    for (const rating of [0, 6, 4.5])
      expect(ConversationRateSchema.safeParse({ conversationId: 'c1', rating }).success).toBe(false);
    expect(OfflineMessageSchema.safeParse({ clientMessageId: 'abcdefgh', email: 'a@b.c', body: 'hi' }).success).toBe(
      true,
    );
    expect(OfflineMessageSchema.safeParse({ clientMessageId: 'abcdefgh', body: 'hi' }).success).toBe(false);
  });

  it('bounds ticket commands like chat messages, and takes only the three ticket statuses', () => {
    expect(
      TicketReplySchema.safeParse({ conversationId: 'c1', clientMessageId: 'abcdefgh', body: 'Answer' }).success,
    ).toBe(true);
    expect(TicketReplySchema.safeParse({ conversationId: 'c1', clientMessageId: 'abcdefgh', body: ' ' }).success).toBe(
      false,
    );
    expect(
      TicketReplySchema.safeParse({
        conversationId: 'c1',
        clientMessageId: 'abcdefgh',
        body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1),
      }).success,
    ).toBe(false);
    expect(TicketConvertSchema.parse({ conversationId: 'c1', email: ' Ada@Example.com ' }).email).toBe(
      'ada@example.com',
    );
    expect(TicketConvertSchema.safeParse({ conversationId: 'c1', email: 'nope' }).success).toBe(false);
    for (const status of ['open', 'pending', 'solved'])
      expect(TicketSetStatusSchema.safeParse({ conversationId: 'c1', status }).success).toBe(true);
    expect(TicketSetStatusSchema.safeParse({ conversationId: 'c1', status: 'closed' }).success).toBe(false);
  });
});
