/**
 * @module A real SMTP server for tests (smtp-server on port 0) that keeps what Parley sends, parsed
 * with mailparser. It can be "down": it then answers every connection with 421, as a server under
 * maintenance does.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** Refuse connections (421) while true. */
  down: boolean;
  /** How many connections were refused while down. */
  refused: number;
  /** The next mail (already received or still to come) that satisfies `predicate`. */
  next(predicate?: (mail: ParsedMail) => boolean): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const waiters = new Set<{ predicate: (mail: ParsedMail) => boolean; resolve: (mail: ParsedMail) => void }>();
  const taken = new Set<ParsedMail>();
  const sink: SmtpSink = {
    url: '',
    mails: [],
    down: false,
    refused: 0,
    next(predicate = () => true) {
      const ready = sink.mails.find((m) => !taken.has(m) && predicate(m));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!sink.down) return callback();
      sink.refused += 1;
      callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          sink.mails.push(mail);
          for (const waiter of waiters) {
            if (!waiter.predicate(mail)) continue;
            waiters.delete(waiter);
            taken.add(mail);
            waiter.resolve(mail);
            break;
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
