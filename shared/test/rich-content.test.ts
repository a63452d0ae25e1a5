/**
 * Rich content's promises: well-formed offers pass, anything malformed is refused with a path that
 * says where (unsafe links, unbounded lengths, duplicate ids, unknown kinds), the fallback text is
 * never empty, and a form answer is checked field by field whatever the visitor types.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AgentSendSchema,
  MessageSchema,
  OfferContentSchema,
  RichAnswerSchema,
  checkFormValues,
  describeIssues,
  richFallback,
  type FormContent,
} from '../src/index.ts';

const key = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const label = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0 && s.trim() === s);
const httpsUrl = fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 2048);

const quickReplies = fc
  .uniqueArray(fc.record({ id: key, label: label(80) }), { minLength: 1, maxLength: 10, selector: (o) => o.id })
  .map((options) => ({ type: 'quick_replies' as const, options }));
const card = fc.record(
  {
    type: fc.constant('card' as const),
    title: label(120),
    text: label(1000),
    imageUrl: httpsUrl,
    buttons: fc.array(fc.record({ label: label(40), url: httpsUrl }), { maxLength: 3 }),
  },
  { requiredKeys: ['type', 'title', 'buttons'] },
);
const form = fc
  .uniqueArray(
    fc.record({
      id: key,
      label: label(80),
      kind: fc.constantFrom('text' as const, 'email' as const, 'number' as const, 'phone' as const),
      required: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5, selector: (f) => f.id },
  )
  .map((fields) => ({ type: 'form' as const, fields }));
const articles = fc
  .array(fc.record({ title: label(160), url: fc.webUrl({ validSchemes: ['http', 'https'] }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((list) => ({ type: 'articles' as const, articles: list }));
const offer = fc.oneof(quickReplies, card, form, articles);

const paths = (value: unknown) => {
  const parsed = OfferContentSchema.safeParse(value);
  return parsed.success ? null : describeIssues(parsed.error).map((issue) => issue.path);
};

describe('rich content schema', () => {
  it('accepts every well-formed offer and gives it a non-empty plain-text fallback', () => {
    fc.assert(
      fc.property(offer, (content) => {
        const parsed = OfferContentSchema.parse(content);
        expect(richFallback(parsed).trim()).not.toBe('');
        // a message carrying it passes the message schema too
        expect(
          MessageSchema.safeParse({
            id: 'm1',
            conversationId: 'c1',
            seq: 1,
            clientMessageId: null,
            author: { kind: 'agent', id: 'a1', name: 'Ada' },
            body: richFallback(parsed),
            createdAt: new Date(0).toISOString(),
            content: parsed,
            attachments: [],
          }).success,
        ).toBe(true);
      }),
    );
  });

  it('refuses card links and images that are not https, naming the field', () => {
    const unsafe = fc.constantFrom(
      'javascript:alert(1)',
      'http://example.com/',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com/x',
      '//example.com/x',
      'vbscript:msgbox(1)',
    );
    fc.assert(
      fc.property(unsafe, fc.boolean(), (url, inImage) => {
        const content = inImage
          ? { type: 'card', title: 'T', imageUrl: url, buttons: [] }
          : { type: 'card', title: 'T', buttons: [{ label: 'Open', url }] };
        expect(paths(content)).toEqual([inImage ? 'imageUrl' : 'buttons.0.url']);
      }),
    );
    expect(paths({ type: 'articles', articles: [{ title: 'A', url: 'javascript:alert(1)' }] })).toEqual([
      'articles.0.url',
    ]);
  });

  it('refuses whatever breaks a bound: too many items, too long text, blank labels, duplicate ids', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 40 }), (n) => {
        const options = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
        expect(paths({ type: 'quick_replies', options })).toEqual(['options']);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 81, maxLength: 300 }).filter((s) => s.trim().length > 80),
        (long) => {
          expect(paths({ type: 'quick_replies', options: [{ id: 'a', label: long }] })).toEqual(['options.0.label']);
        },
      ),
    );
    expect(paths({ type: 'quick_replies', options: [{ id: 'a', label: '   ' }] })).toEqual(['options.0.label']);
    expect(
      paths({
        type: 'quick_replies',
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      }),
    ).toEqual(['options']);
    expect(paths({ type: 'form', fields: [] })).toEqual(['fields']);
    expect(paths({ type: 'form', fields: [{ id: 'x y', label: 'X', kind: 'text', required: true }] })).toEqual([
      'fields.0.id',
    ]);
    expect(paths({ type: 'form', fields: [{ id: 'x', label: 'X', kind: 'regex', required: true }] })).toEqual([
      'fields.0.kind',
    ]);
    expect(paths({ type: 'poll', options: [] })).toEqual(['type']);
  });

  it('refuses arbitrary junk as content without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const parsed = AgentSendSchema.safeParse({
          conversationId: 'c1',
          clientMessageId: 'abcdefgh',
          body: 'Hi',
          content: junk,
        });
        if (junk === undefined) expect(parsed.success).toBe(true);
        else expect(parsed.success).toBe(false);
      }),
    );
  });

  it('accepts only answers that name a message and a choice or values', () => {
    expect(RichAnswerSchema.safeParse({ type: 'quick_reply', messageId: 'm1', optionId: 'a' }).success).toBe(true);
    expect(RichAnswerSchema.safeParse({ type: 'quick_reply', messageId: 'm1' }).success).toBe(false);
    expect(RichAnswerSchema.safeParse({ type: 'form', messageId: 'm1', values: { a: 'x'.repeat(501) } }).success).toBe(
      false,
    );
  });
});

describe('form answers', () => {
  const FORM: FormContent = {
    type: 'form',
    fields: [
      { id: 'email', label: 'Email', kind: 'email', required: true },
      { id: 'qty', label: 'Quantity', kind: 'number', required: false },
      { id: 'tel', label: 'Phone', kind: 'phone', required: false },
      { id: 'note', label: 'Note', kind: 'text', required: false, maxLength: 10 },
    ],
  };

  it('accepts good values, trimmed, in the form’s order', () => {
    expect(checkFormValues(FORM, { qty: '3', email: ' a@b.co ', tel: '+49 30 1234-56' })).toEqual({
      values: [
        { fieldId: 'email', label: 'Email', value: 'a@b.co' },
        { fieldId: 'qty', label: 'Quantity', value: '3' },
        { fieldId: 'tel', label: 'Phone', value: '+49 30 1234-56' },
      ],
      issues: [],
    });
  });

  it('never accepts a value that breaks its field’s rule, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('email', 'qty', 'tel', 'note'), (typed, field) => {
        const values: Record<string, string> = { email: 'a@b.co', [field]: typed };
        const { issues, values: kept } = checkFormValues(FORM, values);
        const value = typed.trim();
        const fine =
          field === 'email'
            ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
            : value === '' ||
              (field === 'qty'
                ? /^[+-]?\d+(?:[.,]\d+)?$/.test(value)
                : field === 'tel'
                  ? /^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, '').length >= 5
                  : value.length <= 10);
        expect(issues.length === 0).toBe(fine);
        if (!fine) expect(issues[0]?.path).toBe(`values.${field}`);
        if (fine) expect(kept.every((v) => v.value !== '')).toBe(true);
      }),
    );
  });

  it('refuses unknown fields, a missing required one, and an empty answer', () => {
    expect(checkFormValues(FORM, { email: 'a@b.co', coupon: 'x' }).issues).toEqual([
      { path: 'values.coupon', message: 'this form has no such field' },
    ]);
    expect(checkFormValues(FORM, { qty: '1' }).issues).toEqual([
      { path: 'values.email', message: 'Email is required' },
    ]);
    const optional: FormContent = { type: 'form', fields: [{ id: 'a', label: 'A', kind: 'text', required: false }] };
    expect(checkFormValues(optional, { a: '  ' }).issues).toEqual([
      { path: 'values', message: 'fill in at least one field' },
    ]);
  });
});
