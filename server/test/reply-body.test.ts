/**
 * What a ticket stores of a reply stays within a message's length and keeps the visitor's words
 * first: a very long reply is cut with "…", and hundreds of attachments are listed only as far as
 * they leave room for the words.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '@parley/shared';
import { replyContent } from '../src/mail/reply-body.ts';
import { composeMail } from './support/email.ts';

const files = (notAdded: string[] = []) => ({ added: 0, notAdded });
const parse = async (input: Parameters<typeof composeMail>[0]) =>
  simpleParser(await composeMail(input), { skipHtmlToText: true });

describe('replyContent', () => {
  it('cuts a reply longer than a message may be', async () => {
    const { body } = await replyContent(
      await parse({ from: 'a@x.test', to: 'b@x.test', text: 'word '.repeat(3000) }),
      files(),
    );
    expect(body).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(body.endsWith('…')).toBe(true);
  });

  it('lists hundreds of attachments only as far as the words keep their room', async () => {
    const notAdded = Array.from({ length: 400 }, (_, i) => `scan-of-the-receipt-${i}.pdf (over the 1 KB limit)`);
    const { body } = await replyContent(
      await parse({ from: 'a@x.test', to: 'b@x.test', text: 'Here are the scans.' }),
      files(notAdded),
    );
    expect(body.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(body).toMatch(
      /^Here are the scans\.\n\n\[Attachments not added: scan-of-the-receipt-0\.pdf \(over the 1 KB limit\), .*…\]$/,
    );
  });
});
