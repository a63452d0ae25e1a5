/**
 * Rich content in mail (transcripts, ticket replies): quick replies as a list, a card as its title,
 * text and links, a form as "answer in the chat", article links as a list, a visitor's answer as
 * what they chose; in the HTML part everything is escaped text, so content never becomes markup.
 */
import { describe, expect, it } from 'vitest';
import type { Message, RichContent } from '@parley/shared';
import { ParleyMailer } from '../src/mail/ticket-mailer.ts';

const mailer = new ParleyMailer({
  inboundDomain: 'mail.parley.test',
  publicUrl: () => 'https://parley.test',
  attachFilesUpToBytes: 5 * 1024 * 1024,
  fileLink: (id) => ({ url: `https://parley.test/api/files/${id}`, expiresAt: '2026-12-13T10:00:00.000Z' }),
});

let seq = 0;
function message(kind: 'agent' | 'visitor', body: string, content: RichContent | null = null): Message {
  seq += 1;
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientMessageId: null,
    author: { kind, id: kind === 'agent' ? 'a1' : 'v1', name: kind === 'agent' ? 'Ada' : null },
    body,
    createdAt: '2026-01-01T10:00:00.000Z',
    content,
    attachments: [],
  };
}

describe('rich content in mail', () => {
  it('writes every kind as readable text, and escapes it in the HTML part', () => {
    const messages = [
      message('agent', 'What is it about?', {
        type: 'quick_replies',
        options: [
          { id: 'b', label: 'Billing' },
          { id: 't', label: 'Tech <b>support</b>' },
        ],
      }),
      message('visitor', 'Billing', { type: 'quick_reply_choice', messageId: 'm1', optionId: 'b', label: 'Billing' }),
      // sent without text of its own: the body is the card's plain-text fallback
      message('agent', 'Pro plan\nPriority support\nPricing: https://example.com/pricing?a=1&b=2', {
        type: 'card',
        title: 'Pro plan',
        text: 'Priority support',
        buttons: [{ label: 'Pricing', url: 'https://example.com/pricing?a=1&b=2' }],
      }),
      message('agent', 'Your order', {
        type: 'form',
        title: 'Your order',
        fields: [{ id: 'e', label: 'Email', kind: 'email', required: true }],
      }),
      message('agent', 'Read this', {
        type: 'articles',
        articles: [{ title: 'Resetting', summary: 'Two steps', url: 'https://help.example.com/reset' }],
      }),
    ];
    const mail = mailer.transcript({
      requestId: 'r1',
      conversationId: 'c1',
      to: 'ada@example.com',
      siteName: 'Shop',
      messages,
      now: '2026-01-01T10:05:00.000Z',
    });
    expect(mail.text).toContain('What is it about?\nChoices (answer in the chat):\n• Billing\n• Tech <b>support</b>');
    expect(mail.text).toContain('You (2026-01-01 10:00 UTC):\nBilling\n');
    // the body is the card's own fallback: said once, not twice
    expect(mail.text).toContain(
      'Ada (2026-01-01 10:00 UTC):\nPro plan\nPriority support\nPricing: https://example.com/pricing?a=1&b=2\n',
    );
    expect(mail.text).toContain('UTC):\nYour order: Email\n(Answer in the chat.)');
    expect(mail.text).toContain('Read this\n• Resetting: https://help.example.com/reset\n  Two steps');
    expect(mail.html).toContain('• Tech &#60;b&#62;support&#60;/b&#62;');
    expect(mail.html).not.toContain('<b>support');
    expect(mail.html).toContain('Pricing: https://example.com/pricing?a=1&#38;b=2');
  });
});
