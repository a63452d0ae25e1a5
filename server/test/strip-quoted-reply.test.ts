/**
 * What is kept of an emailed reply, rule by rule: the visitor's words wherever they stand (above,
 * below or between quotes, with the quoted lines they answer), without the history, attributions,
 * header blocks, signatures and sign-offs that clients add; and ordinary text that merely looks like
 * those is kept. The whole corpus runs through the webhook in email-reply-corpus.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../src/mail/strip-quoted-reply.ts';
import { REPLY_ABOVE_LINE } from '../src/mail/mail-body.ts';

const ada = { name: 'Ada Lovelace', address: 'ada@example.com' };

describe('stripQuotedReply', () => {
  it('cuts at "On … wrote:", also when wrapped over two or three lines', () => {
    expect(stripQuotedReply('Yes please.\n\nOn Mon, 2 Mar 2026 at 09:00, Support <s@x.test> wrote:\n> Shall we?')).toBe(
      'Yes please.',
    );
    expect(
      stripQuotedReply(
        'Yes.\n\nOn Mon, 2 Mar 2026 at 09:00, Parley Support\n<support@parley.test>\nwrote:\n> Shall we?',
      ),
    ).toBe('Yes.');
    // …and there when the history below it carries no `>`.
    expect(stripQuotedReply('Yes.\n\nOn 2 Mar 2026, Support wrote:\nShall we?')).toBe('Yes.');
  });

  it('cuts at our own marker, Outlook’s header blocks and foreign-language intros', () => {
    expect(stripQuotedReply(`Fine\n\n${REPLY_ABOVE_LINE}\nold`)).toBe('Fine');
    expect(
      stripQuotedReply('Ok\n\n________________________________\nFrom: Support <s@x.test>\nSent: Monday\nOld text'),
    ).toBe('Ok');
    expect(stripQuotedReply('Ok\n\nFrom: Support <s@x.test>\nSent: Monday, March 2\nTo: Ada\nOld')).toBe('Ok');
    expect(stripQuotedReply('Ok\n\n*From:* Support <s@x.test>\n*Sent:* Monday\n*To:* Ada\n\nOld')).toBe('Ok');
    expect(stripQuotedReply('Ok\n-----Original Message-----\nOld')).toBe('Ok');
    expect(stripQuotedReply('Danke\n\nAm 02.03.2026 um 09:00 schrieb Support <s@x.test>:\n> Alt')).toBe('Danke');
    expect(stripQuotedReply('Merci\n\nLe lun. 2 mars 2026 à 09:00, Support <s@x.test> a écrit :\n> Vieux')).toBe(
      'Merci',
    );
    expect(stripQuotedReply('Tack\n\nDen 2 mars 2026 10:00 skrev Support <s@x.test>:\n> Gammalt')).toBe('Tack');
  });

  it('keeps an answer written below the quote, with the last paragraph it answers', () => {
    const mail = [
      'On 02/03/2026 10:00, Parley Support wrote:',
      `> ${REPLY_ABOVE_LINE}`,
      '>',
      '> Sam wrote:',
      '>',
      '> Which size do you need?',
      '>',
      '> --',
      '> Reply to this email to answer Demo.',
      '',
      'Large.',
    ].join('\n');
    expect(stripQuotedReply(mail)).toBe('> Which size do you need?\n\nLarge.');
  });

  it('keeps answers between quoted lines, each under the question it answers', () => {
    expect(stripQuotedReply('> Which size?\nLarge.\n> Which colour?\nBlue.\n>\n> Thanks, Sam')).toBe(
      '> Which size?\nLarge.\n> Which colour?\nBlue.',
    );
    // At most the last ten lines of a long quoted paragraph stand above an answer.
    const long = Array.from({ length: 30 }, (_, i) => `> line ${i}`).join('\n');
    expect(stripQuotedReply(`${long}\nAnswer`).split('\n')).toHaveLength(11);
  });

  it('drops signatures after "-- " and phone signatures, but not a sentence that starts alike', () => {
    expect(stripQuotedReply('Thanks\n\n-- \nAda Lovelace\nCEO')).toBe('Thanks');
    expect(stripQuotedReply('Thanks\n\nSent from my iPhone')).toBe('Thanks');
    expect(stripQuotedReply('Thanks\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>')).toBe('Thanks');
    expect(stripQuotedReply('Danke\n\nVon meinem iPhone gesendet')).toBe('Danke');
    const sentence = 'Here it is.\n\nSent from my desk, is much easier then my mobile phone.';
    expect(stripQuotedReply(sentence)).toBe(sentence);
  });

  it('drops a sign-off only when sure: the sender’s own name, or "-Name"', () => {
    expect(stripQuotedReply('Done, thanks.\n\nThanks,\nAda', ada)).toBe('Done, thanks.');
    expect(stripQuotedReply('Done.\n\nBest regards,\nAda Lovelace', ada)).toBe('Done.');
    expect(stripQuotedReply('Done.\n\nCheers, Ada', ada)).toBe('Done.');
    expect(stripQuotedReply('Done.\n\nAda', ada)).toBe('Done.');
    expect(stripQuotedReply('Done.\n\n-Abhishek Kona')).toBe('Done.');
    // Not sure: someone else's name, a signature with more in it, a list item, or nothing left above.
    expect(stripQuotedReply('Done.\n\nThanks,\nGrace', ada)).toBe('Done.\n\nThanks,\nGrace');
    expect(stripQuotedReply('Done.\n\nBest,\nAda Lovelace\nCTO, Analytical Engines', ada)).toBe(
      'Done.\n\nBest,\nAda Lovelace\nCTO, Analytical Engines',
    );
    expect(stripQuotedReply('Buy:\n\n- Milk')).toBe('Buy:\n\n- Milk');
    expect(stripQuotedReply('Ada Lovelace', ada)).toBe('Ada Lovelace');
    expect(stripQuotedReply('Send it to:\nAda Lovelace', ada)).toBe('Send it to:\nAda Lovelace');
  });

  it('drops a mailing-list footer', () => {
    const footer = '\n\n_______________________________________________\nusers mailing list\nusers@lists.example.org';
    expect(stripQuotedReply(`Solved, thanks.${footer}`)).toBe('Solved, thanks.');
  });

  it('keeps ordinary text that merely mentions the words', () => {
    const text = [
      'On second thought, I wrote the wrong address.',
      'From now on use this one.',
      'On Monday you wrote:',
      'that it ships in 2 days.',
      'From: London',
      'To: Paris',
      '',
      '- and another thing',
      '-----',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('keeps a forwarded mail whole: the visitor sends it to be read', () => {
    const forward =
      'See below.\n\nBegin forwarded message:\n\nFrom: Shop <o@shop.test>\nDate: 1 March 2026\nSubject: Order\n\nOrder 42';
    expect(stripQuotedReply(forward)).toBe(forward);
  });

  it('returns nothing when nothing is the visitor’s (the caller keeps the whole text then)', () => {
    expect(stripQuotedReply('> only history')).toBe('');
    expect(stripQuotedReply('')).toBe('');
  });

  it('keeps every line of ordinary prose, whatever is quoted below or above it', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const prose = fc.array(line, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(prose, prose, (reply, history) => {
        const quoted = history
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n');
        expect(stripQuotedReply(reply)).toBe(reply);
        expect(stripQuotedReply(`${reply}\n\nOn 2 Mar 2026, Sam <s@x.test> wrote:\n${quoted}`)).toBe(reply);
        const below = stripQuotedReply(`On 2 Mar 2026, Sam <s@x.test> wrote:\n${quoted}\n\n${reply}`);
        expect(below.endsWith(`\n\n${reply}`)).toBe(true);
      }),
    );
  });

  it('takes linear time on pathological input', () => {
    const started = performance.now();
    stripQuotedReply(`Hi\n${'>'.repeat(700_000)}\nthere`);
    stripQuotedReply(`${'On 1 '.repeat(50_000)}\n`.repeat(4));
    stripQuotedReply('From: a\n\n'.repeat(20_000));
    stripQuotedReply(`${'\n'.repeat(100_000)}x`);
    stripQuotedReply(`Hi\n${' '.repeat(200_000)}x\n${'\t'.repeat(200_000)}-`);
    stripQuotedReply(`Done.\n\n-A${'a'.repeat(200_000)} ${'B'.repeat(200_000)}!`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
