/**
 * @module The reply corpus: GitHub's email_reply_parser test mails (MIT, vendored under
 * test/fixtures/email/github-corpus) and mails shaped like today's clients (test/fixtures/email/clients),
 * each beside a `.expected` file holding exactly the text a ticket should store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeMail } from './email.ts';

const ROOT = path.join(import.meta.dirname, '..', 'fixtures', 'email');
/** Stands for the ticket's reply+<token>@ address in the client fixtures' headers. */
const REPLY_ADDRESS = '{{reply-address}}';

export interface ReplyFixture {
  name: string;
  /** The whole MIME message, addressed to `replyAddress`. */
  mail: (replyAddress: string) => Promise<Buffer>;
  expected: string;
}

function expectedOf(file: string): string {
  // The .expected files end with one newline, as text files do; the stored text does not.
  return fs.readFileSync(file, 'utf8').replace(/\n$/, '');
}

function fixturesIn(folder: string, ext: string): Array<{ name: string; file: string; expected: string }> {
  const dir = path.join(ROOT, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => {
      const name = f.slice(0, -ext.length);
      return {
        name: `${folder}/${name}`,
        file: path.join(dir, f),
        expected: expectedOf(path.join(dir, `${name}.expected`)),
      };
    });
}

export function replyFixtures(): ReplyFixture[] {
  // The corpus holds message bodies only: each goes out as a plain-text mail from the visitor.
  const corpus = fixturesIn('github-corpus', '.txt').map(({ name, file, expected }) => ({
    name,
    expected,
    mail: (replyAddress: string) =>
      composeMail({ from: 'ada@example.com', to: replyAddress, text: fs.readFileSync(file, 'utf8') }),
  }));
  const clients = fixturesIn('clients', '.eml').map(({ name, file, expected }) => ({
    name,
    expected,
    mail: (replyAddress: string) =>
      Promise.resolve(Buffer.from(fs.readFileSync(file, 'latin1').replaceAll(REPLY_ADDRESS, replyAddress), 'latin1')),
  }));
  return [...corpus, ...clients];
}
