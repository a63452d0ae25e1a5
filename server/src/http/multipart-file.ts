/**
 * @module Reads the one file of a multipart/form-data upload as a stream (busboy), handing it to the
 * caller as it arrives: nothing is buffered whole. Anything else in the form is skipped; a request
 * that is not multipart, is malformed or has no `file` part answers invalid_payload.
 */
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';

const FIELD = 'file';

const invalid = (message: string): ParleyError => new ParleyError(ErrorCode.InvalidPayload, message);

/**
 * Calls `handle` with the `file` part's name and bytes. `maxBytes` bounds what busboy passes on (one
 * byte more, so the handler's own cap sees the overflow and says so); the rest is discarded unread.
 */
export function receiveOneFile<T>(
  req: Request,
  maxBytes: number,
  handle: (name: string, file: Readable) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 20 },
      });
    } catch {
      reject(invalid(`Send the file as multipart/form-data with one part named "${FIELD}"`));
      return;
    }
    let failed = false;
    let handled: Promise<T> | undefined;
    const fail = (error: ParleyError): void => {
      failed = true;
      reject(error);
    };
    parser.on('file', (field, file, info) => {
      // a form cut off mid-file fails the file too; the parser's own 'error' answers for both
      file.on('error', () => undefined);
      if (field !== FIELD || handled !== undefined) {
        file.resume();
        return;
      }
      handled = handle(info.filename || 'file', file);
      handled.then(resolve, (error: unknown) => {
        // the body ended early or broke the form: that is the request's fault, said as such
        setImmediate(() => reject(orInvalid(error, failed)));
      });
      // a refused file is read to its end (up to the limit), so the form finishes and the answer goes out
      handled.catch(() => undefined).finally(() => file.resume());
    });
    parser.on('error', () => fail(invalid('The upload is malformed or was cut off')));
    parser.on('close', () => {
      if (handled === undefined) fail(invalid(`No file: send it in a part named "${FIELD}"`));
    });
    req.on('close', () => {
      if (!req.complete) parser.destroy(new Error('request aborted'));
    });
    req.pipe(parser);
  });
}

function orInvalid(error: unknown, formFailed: boolean): Error {
  if (error instanceof ParleyError) return error;
  // anything thrown that is not an Error says nothing more than a broken form would
  return formFailed || !(error instanceof Error) ? invalid('The upload is malformed or was cut off') : error;
}
