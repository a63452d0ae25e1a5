/**
 * @module Static files with their precompressed twins. The build writes `x.js.br` (brotli) and
 * `x.js.gz` (gzip) beside `x.js`; a client that accepts one gets it (brotli when it takes both
 * equally), with `Vary: Accept-Encoding`, the original's Content-Type, and the variant's own length
 * and ETag. Any other client gets the original. negotiator reads Accept-Encoding (q-values,
 * `identity;q=0`, `*`); res.sendFile (send) does the sending: conditional requests, ranges, HEAD,
 * and paths that try to leave the folder. Files are looked up on every request, as nginx's
 * gzip_static does, so a rebuild while the server runs (pnpm dev) is served as it is on disk.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';

const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Variant = (typeof VARIANTS)[number];
/** Smallest first: the server's choice among encodings a client accepts equally. */
const PREFERRED = ['br', 'gzip', 'identity'];

/** Marks a response as a static file here, so on-the-fly compression leaves it alone. */
const STATIC_FILE = 'parleyStaticFile';

export function isStaticFileResponse(res: Response): boolean {
  return res.locals[STATIC_FILE] === true;
}

export interface PrecompressedStaticOptions {
  /**
   * Headers for a file about to be sent (Cache-Control, CORS), by its path below the folder. A
   * Content-Type here replaces the one the file's extension gives.
   */
  headers(relativePath: string): Record<string, string>;
  /** Range requests and their Accept-Ranges header (default true); pointless for small scripts. */
  ranges?: boolean;
}

async function fileStats(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const stats = await fs.stat(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function chooseVariant(req: Request, available: readonly Variant[]): Variant | undefined {
  if (available.length === 0) return undefined;
  const offered = [...available.map((v) => v.encoding), 'identity'];
  const best = new Negotiator(req).encodings(offered, { preferred: PREFERRED })[0];
  return available.find((v) => v.encoding === best);
}

/** Serves the files under `root` (a folder of built assets) for GET and HEAD; anything else passes on. */
export function precompressedStatic(root: string, options: PrecompressedStaticOptions): RequestHandler {
  const folder = path.resolve(root);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(folder, relative);
    // outside the folder, or a variant asked for by name (they are chosen by Accept-Encoding only)
    if (!file.startsWith(folder + path.sep) || /\.(br|gz)$/.test(file)) return next();
    send(req, res, folder, file, options).then((sent) => {
      if (!sent) next();
    }, next);
  };
}

/** Sends `file` or its best variant; false when there is no such file here (the caller passes on). */
async function send(
  req: Request,
  res: Response,
  folder: string,
  file: string,
  options: PrecompressedStaticOptions,
): Promise<boolean> {
  const relative = path.relative(folder, file);
  const original = await fileStats(file);
  if (!original) return false;
  const present = await Promise.all(VARIANTS.map(async (v) => ((await fileStats(file + v.suffix)) ? v : undefined)));
  const available = present.filter((v): v is Variant => v !== undefined);
  const variant = chooseVariant(req, available);
  const sent = variant ? file + variant.suffix : file;
  const stats = variant ? await fileStats(sent) : original;
  // the variant went away between the two looks (a rebuild): the next request finds what is there
  if (!stats) return false;
  // The ETag alone revalidates (no Last-Modified: it would add bytes to every file a visitor loads).
  const headers: Record<string, string> = {
    ...options.headers(relative),
    // one validator per representation: a cache holding the gzip bytes must not revalidate them as brotli
    ETag: `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}-${variant?.encoding ?? 'identity'}"`,
    ...(variant ? { 'Content-Encoding': variant.encoding } : {}),
  };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // the original's type (`.js`: text/javascript; charset=utf-8), whichever bytes go out
  if (!('Content-Type' in headers)) res.type(path.extname(file));
  // what is sent depends on Accept-Encoding only where there is a choice
  if (available.length > 0) res.vary('Accept-Encoding');
  res.locals[STATIC_FILE] = true;
  return new Promise<boolean>((resolve, reject) => {
    // relative to the folder: send refuses `..` and dotfiles below it, wherever the folder itself is
    res.sendFile(
      path.relative(folder, sent),
      { root: folder, cacheControl: false, lastModified: false, acceptRanges: options.ranges ?? true },
      (error?: Error) => {
        if (!error || res.headersSent) {
          // sent, or a client that went away mid-file: not an error of ours
          resolve(true);
          return;
        }
        // nothing went out: whatever answers instead must not inherit this file's headers
        for (const name of [...Object.keys(headers), 'Content-Type']) res.removeHeader(name);
        delete res.locals[STATIC_FILE];
        const status = 'status' in error ? Number(error.status) : 500;
        if (status === 404 || status === 403) resolve(false);
        else reject(error);
      },
    );
  });
}
