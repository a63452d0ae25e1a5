/**
 * @module The built front ends: the widget loader and its app chunks, the console single-page app,
 * and the demo page.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import { DEMO_CSS, demoPage } from './demo-page.ts';

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

  router.get('/widget.js', (_req, res) => {
    const file = path.join(dirs.widgetDist, 'widget.js');
    if (!fs.existsSync(file)) throw notBuilt('widget');
    // Short cache: site owners never change their snippet, so updates must reach pages by expiry.
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.sendFile(file);
  });

  // The app chunks widget.js imports: content-hashed names, so a year's immutable cache is safe, and
  // module scripts are fetched with CORS, so every host page's origin must be let in.
  router.use(
    '/widget',
    express.static(path.join(dirs.widgetDist, 'widget'), {
      index: false,
      redirect: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('Access-Control-Allow-Origin', '*'),
    }),
  );

  router.use('/console', express.static(dirs.consoleDist, { index: false, redirect: false }));
  router.get(['/console', '/console/{*rest}'], (req, res) => {
    if (req.path === '/console') {
      res.redirect(301, '/console/');
      return;
    }
    const index = path.join(dirs.consoleDist, 'index.html');
    if (!fs.existsSync(index)) throw notBuilt('agent console');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
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
