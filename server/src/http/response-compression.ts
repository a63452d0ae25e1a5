/**
 * @module On-the-fly compression of what Parley writes per request (API JSON such as reports and
 * conversation lists, the demo page, /metrics) with the compression middleware: brotli at a fast
 * quality or gzip, by Accept-Encoding, from 1 KB up (below that the headers cost about what is saved).
 * Built files are compressed once at build time and sent as they are (precompressed-static.ts).
 */
import compression from 'compression';
import type { RequestHandler } from 'express';
import { isStaticFileResponse } from './precompressed-static.ts';

export function responseCompression(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req, res) => !isStaticFileResponse(res) && compression.filter(req, res),
  });
}
