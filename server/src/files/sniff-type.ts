/**
 * @module What a file really is, from its first bytes (file-type, a well-kept sniffing library),
 * never from its name or the type a client claims. Files file-type knows no signature for are taken
 * as plain text only when their head is UTF-8 without control bytes and without markup: an HTML or
 * SVG page is refused whatever it is called.
 */
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';

/** Enough for file-type to see inside zip-based office documents; read before anything is stored. */
export const SNIFF_BYTES = 64 * 1024;

export type Sniffed =
  | { kind: 'known'; type: string; ext: string }
  | { kind: 'text' }
  /** HTML, SVG, XML: content a browser could run. Never accepted. */
  | { kind: 'markup' }
  | { kind: 'unknown' };

const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|link|style|xsl)\b/i;
const MARKUP_TYPES = new Set(['text/html', 'image/svg+xml', 'application/xml', 'text/xml', 'application/xhtml+xml']);

export async function sniffType(head: Buffer): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    if (MARKUP_TYPES.has(found.mime)) return { kind: 'markup' };
    return { kind: 'known', type: found.mime, ext: found.ext };
  }
  const text = asText(head);
  if (text === undefined) return { kind: 'unknown' };
  return MARKUP.test(text) ? { kind: 'markup' } : { kind: 'text' };
}

/** The head as text when it is UTF-8 (a character cut at the end of the head is fine) without control bytes. */
function asText(head: Buffer): string | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    // stream: true leaves a character cut by the head's end undecoded instead of failing on it
    text = decoder.decode(head, { stream: true });
  } catch {
    return undefined;
  }
  // tabs, line ends and form feeds are text; other C0 controls and DEL mark a binary file
  return /(?![\t\n\f\r\u0080-\u009F])\p{Cc}/u.test(text) ? undefined : text;
}

/**
 * Reads up to `bytes` from `source` and returns them with a stream of the whole body (head and the
 * rest), so the head can be inspected before the body goes anywhere. `discard` ends the source
 * when the body is refused.
 */
export async function peekHead(
  source: Readable,
  bytes: number,
): Promise<{ head: Buffer; body: Readable; discard: () => void }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* whole(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return {
    head: head.subarray(0, bytes),
    body: Readable.from(whole(), { objectMode: false }),
    discard: () => {
      void iterator.return?.();
      source.resume();
    },
  };
}
