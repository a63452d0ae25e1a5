/**
 * What is kept of an emailed reply: the visitor's new text, without the history and signature
 * that Gmail, Apple Mail, Outlook and phones add.
 */
import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../src/mail/strip-quoted-reply.ts';
import { REPLY_ABOVE_LINE } from '../src/mail/mail-body.ts';

describe('stripQuotedReply', () => {
  it('cuts at "On … wrote:", also when wrapped over two lines', () => {
    expect(stripQuotedReply('Yes please.\n\nOn Mon, 2 Mar 2026 at 09:00, Support <s@x.test> wrote:\n> Shall we?')).toBe(
      'Yes please.',
    );
    expect(
      stripQuotedReply(
        'Yes.\n\nOn Mon, 2 Mar 2026 at 09:00, Parley Support\n<support@parley.test> wrote:\n> Shall we?',
      ),
    ).toBe('Yes.');
  });

  it('cuts at our own marker, Outlook’s header block and foreign-language intros', () => {
    expect(stripQuotedReply(`Fine\n\n${REPLY_ABOVE_LINE}\nold`)).toBe('Fine');
    expect(
      stripQuotedReply('Ok\n\n________________________________\nFrom: Support <s@x.test>\nSent: Monday\nOld text'),
    ).toBe('Ok');
    expect(stripQuotedReply('Ok\n\nFrom: Support <s@x.test>\nSent: Monday, March 2\nTo: Ada\nOld')).toBe('Ok');
    expect(stripQuotedReply('Ok\n-----Original Message-----\nOld')).toBe('Ok');
    expect(stripQuotedReply('Danke\n\nAm 02.03.2026 um 09:00 schrieb Support <s@x.test>:\n> Alt')).toBe('Danke');
    expect(stripQuotedReply('Merci\n\nLe lun. 2 mars 2026 à 09:00, Support <s@x.test> a écrit :\n> Vieux')).toBe(
      'Merci',
    );
  });

  it('drops signatures and quoted lines, keeps an interleaved answer', () => {
    expect(stripQuotedReply('Thanks\n\n-- \nAda Lovelace\nCEO')).toBe('Thanks');
    expect(stripQuotedReply('Thanks\n\nSent from my iPhone')).toBe('Thanks');
    expect(stripQuotedReply('> Which size?\nLarge.\n> Which colour?\nBlue.')).toBe('Large.\nBlue.');
    expect(stripQuotedReply('> only history')).toBe('');
  });

  it('keeps ordinary text that merely mentions the words', () => {
    const text = 'On second thought, I wrote the wrong address.\nFrom now on use this one.';
    expect(stripQuotedReply(text)).toBe(text);
  });
});
