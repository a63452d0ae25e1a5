/**
 * @module How a stored file is sent: with its sniffed type (never text/html: none is ever stored, and
 * anything unexpected goes as application/octet-stream), `nosniff`, a sandboxing Content-Security-
 * Policy (a file opened directly is an opaque origin that can run nothing and load nothing), and
 * `Content-Disposition: attachment` for everything but re-encoded raster images.
 */
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { AttachmentTypeSchema } from '@parley/shared';
import type { FileDownload } from '../domain/attachments/attachment-files.ts';

/** RFC 6266: an ASCII fallback name and the exact one in UTF-8 (RFC 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function sendFile(res: Response, file: FileDownload): Promise<void> {
  const known = AttachmentTypeSchema.safeParse(file.type);
  const type = known.success ? known.data : 'application/octet-stream';
  res.status(200);
  res.setHeader('Content-Type', type === 'text/plain' ? 'text/plain; charset=utf-8' : type);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader(
    'Content-Disposition',
    contentDisposition(file.inline && known.success ? 'inline' : 'attachment', file.name),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  // the widget shows thumbnails on the site's own pages, another origin
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  // the link expires soon; a shared cache must never keep it
  res.setHeader('Cache-Control', 'private, max-age=300');
  try {
    await pipeline(file.body, res);
  } catch {
    // the client went away or the storage broke mid-file: the response is already cut off
    res.destroy();
  }
}
