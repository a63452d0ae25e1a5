/**
 * @module Optional built-in SMTP listener for replies (INBOUND_SMTP_PORT): point the inbound
 * domain's MX at it. It accepts mail only for reply+<token>@ addresses of existing tickets (so it
 * is no relay and takes no spam for other addresses) and answers every refusal with a clear SMTP code.
 */
import type { AddressInfo } from 'node:net';
import type { SMTPServerDataStream } from 'smtp-server';
import { ErrorCode } from '@parley/shared/error-codes';
import { toParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { InboundEmail } from './inbound-email.ts';

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

const REPLY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NotFound]: 550, // mailbox unavailable: the ticket does not exist
  [ErrorCode.InvalidPayload]: 554, // transaction failed: not a mail we can read
  [ErrorCode.PayloadTooLarge]: 552, // exceeded storage allocation
};

/** Reads the message, stopping at the size limit: an oversized one is refused without being kept. */
function readLimited(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () => resolve(stream.sizeExceeded || size > maxBytes ? undefined : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startInboundSmtp(
  inbound: InboundEmail,
  options: { port: number; host: string; logger: Logger },
): Promise<InboundSmtp> {
  const { logger } = options;
  // loaded only when INBOUND_SMTP_PORT turns the listener on
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    // Replies arrive from other mail servers, which do not sign in; nothing is relayed anywhere.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: inbound.maxBytes,
    banner: 'Parley ticket replies',
    logger: false,
    onRcptTo(address, _session, callback) {
      inbound.ticketForAddress(address.address).then(
        (ticket) => callback(ticket ? null : smtpError('No such ticket address', 550)),
        (error: unknown) => {
          logger.error('inbound SMTP recipient check failed', { error });
          callback(smtpError('Try again later', 451));
        },
      );
    },
    onData(stream, session, callback) {
      readLimited(stream, inbound.maxBytes)
        .then(async (raw) => {
          if (!raw) {
            logger.warn('inbound email rejected', {
              via: 'smtp',
              code: ErrorCode.PayloadTooLarge,
              reason: 'over the size limit',
            });
            return callback(smtpError('Message is too large', 552));
          }
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          await inbound.receive(raw, 'smtp', recipients);
          callback(null, 'Added to the ticket');
        })
        .catch((error: unknown) => {
          // receive() has logged why; the sending server learns it from the reply code.
          const parleyError = toParleyError(error);
          const code = REPLY_CODE[parleyError.code] ?? 451;
          callback(smtpError(parleyError.message, code));
        });
    },
  });
  server.on('error', (error) => logger.error('inbound SMTP listener error', { error }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
