/**
 * @module The built front ends: the widget loader and its app chunks, the console single-page app,
 * and the demo page. Every built file goes out precompressed when the client accepts it (brotli,
 * else gzip; see precompressed-static.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import { DEMO_CSS, demoPage } from './demo-page.ts';
import { precompressedStatic } from './precompressed-static.ts';

/**
 * Content-hashed files (a new build gives a new name): cached for a year, never revalidated. No
 * `public`: it only matters for responses to requests with credentials, which these never are.
 */
const IMMUTABLE = 'max-age=31536000, immutable';
/** Module scripts load with CORS: every host page's origin must be let in. */
const ANY_ORIGIN = { 'Access-Control-Allow-Origin': '*' };

export interface StaticDirs {
  widgetDist: string;
  consoleDist: string;
}

export function staticRouter(store: Store, dirs: StaticDirs, publicUrl: () => string): Router {
  const router = Router();
  const notBuilt = (what: string) =>
    new ParleyError(
      ErrorCode.Unavailable,
      `The ${what} is not built yet: run \`pnpm build\` (pnpm start does it for you)`,
    );

  // Short cache: site owners never change their snippet, so updates must reach pages by expiry.
  // The widget's files are a visitor's first load (budgeted to the byte): no range requests for
  // scripts of a few KB, so no Accept-Ranges.
  router.get(
    '/widget.js',
    precompressedStatic(dirs.widgetDist, {
      headers: () => ({ 'Cache-Control': 'max-age=300', ...ANY_ORIGIN }),
      ranges: false,
    }),
    () => {
      throw notBuilt('widget');
    },
  );

  // The app chunks widget.js imports (content-hashed names). Module scripts are always decoded as
  // UTF-8, so no charset (widget.js, a classic script, keeps it).
  router.use(
    '/widget',
    precompressedStatic(path.join(dirs.widgetDist, 'widget'), {
      headers: (file) => ({
        'Cache-Control': IMMUTABLE,
        ...(file.endsWith('.js') ? { 'Content-Type': 'text/javascript' } : {}),
        ...ANY_ORIGIN,
      }),
      ranges: false,
    }),
  );

  // Vite names everything under assets/ by content hash; index.html names them, so it is revalidated.
  const consoleFiles = precompressedStatic(dirs.consoleDist, {
    headers: (file) => ({ 'Cache-Control': file.startsWith(`assets${path.sep}`) ? IMMUTABLE : 'no-cache' }),
  });
  router.use('/console', consoleFiles);
  // every other path under /console/ is a page of the single-page app: index.html
  router.get(['/console', '/console/{*rest}'], (req, res, next) => {
    if (req.path === '/console') {
      res.redirect(301, '/console/');
      return;
    }
    if (!fs.existsSync(path.join(dirs.consoleDist, 'index.html'))) throw notBuilt('agent console');
    req.url = '/index.html';
    consoleFiles(req, res, next);
  });

  router.get('/demo.css', (_req, res) => {
    res.type('text/css').send(DEMO_CSS);
  });

  router.get('/', async (_req, res) => {
    const demo = await store.sites.findDemo();
    if (!demo) throw new ParleyError(ErrorCode.NotFound, 'There is no demo site');
    res.type('html').setHeader('Cache-Control', 'no-cache').send(demoPage(publicUrl(), demo.siteKey));
  });

  return router;
}
