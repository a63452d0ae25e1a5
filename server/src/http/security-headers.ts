/**
 * @module HTTP security headers (helmet), by what is served:
 * - the console and the API: a strict Content-Security-Policy (nothing inline, nothing from
 *   elsewhere), `frame-ancestors 'none'` with X-Frame-Options DENY (no clickjacking from any
 *   origin, a sibling one included), same-origin resource and opener policies;
 * - widget.js and the widget's API: loadable by every host page (cross-origin resource policy; their
 *   CORS headers are set where they are served);
 * - the demo page: an ordinary host page, so none of the console's framing rules;
 * - everywhere: nosniff and HSTS once PUBLIC_URL is https (never on plain http, where it would lock
 *   out a dev setup); Referrer-Policy no-referrer everywhere but the first visit's files (below);
 * - the files of a visitor's first load (widget.js, the app chunks, the config) carry no more than
 *   they need, for their bytes count against the widget's budget: no Referrer-Policy (it governs
 *   requests a document or a module script makes; a script's imports go to Parley itself and JSON
 *   makes none), and the chunks and the config no Cross-Origin-Resource-Policy either: a module
 *   script's import and the config's fetch() are CORS requests, which that header never applies to
 *   (their Access-Control-Allow-Origin is what lets a host page, cross-origin isolated or not, read
 *   them). widget.js keeps it: a plain `<script src>` is a no-cors request;
 * - everywhere but the widget's files and config: the rest of helmet's defaults. Those are about
 *   documents (DNS prefetch, IE's download and XSS filters, Flash's cross-domain policy, origin-keyed
 *   agent clusters) and mean nothing on a script or JSON another site fetches, yet they would ride
 *   along on every request of a visitor's first load, which has a byte budget.
 */
import { Router, type Request, type RequestHandler } from 'express';
import helmet, {
  contentSecurityPolicy,
  crossOriginOpenerPolicy,
  crossOriginResourcePolicy,
  referrerPolicy,
  strictTransportSecurity,
  xContentTypeOptions,
  xFrameOptions,
} from 'helmet';

const HSTS_MAX_AGE_SECONDS = 180 * 86_400;

/** The console's policy: its built bundle is script and style files only (see the e2e proof). */
const consoleDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Preact and uPlot set element.style through the CSSOM, which a policy does not restrict
  'style-src': ["'self'"],
  // the favicon is `data:,`
  'img-src': ["'self'", 'data:'],
  // 'self' covers the same host's ws:/wss: (CSP level 3) for the console's socket
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(publicUrl: () => string): Router {
  const https = () => publicUrl().startsWith('https:');
  const noReferrer = referrerPolicy({ policy: 'no-referrer' });
  const documentDefaults = helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: false,
    xContentTypeOptions: false,
    referrerPolicy: false,
  });
  const hsts = strictTransportSecurity({ maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false });
  const policy = (upgrade: boolean) =>
    contentSecurityPolicy({
      useDefaults: false,
      directives: upgrade ? { ...consoleDirectives, 'upgrade-insecure-requests': [] } : consoleDirectives,
    });
  const strict: RequestHandler[] = [
    xFrameOptions({ action: 'deny' }),
    crossOriginResourcePolicy({ policy: 'same-origin' }),
    crossOriginOpenerPolicy({ policy: 'same-origin' }),
  ];
  const crossOrigin = crossOriginResourcePolicy({ policy: 'cross-origin' });

  const ownPage = (req: Request) => !isForHostPages(req.path);
  const router = Router();
  router.use(xContentTypeOptions());
  router.use(when((req) => !isFirstLoad(req.path), [noReferrer]));
  router.use(when(https, [hsts]));
  router.use(when((req) => !isWidget(req.path), [documentDefaults]));
  router.use(when((req) => isWidget(req.path) && !isCorsOnly(req.path), [crossOrigin]));
  router.use(when((req) => ownPage(req) && !https(), [policy(false), ...strict]));
  router.use(when((req) => ownPage(req) && https(), [policy(true), ...strict]));
  return router;
}

/** Runs `handlers` in turn when `applies`, else passes straight on. */
function when(applies: (req: Request) => boolean, handlers: RequestHandler[]): RequestHandler {
  const chain = Router().use(handlers);
  return (req, res, next) => (applies(req) ? chain(req, res, next) : next());
}

/** The widget's files and API: what other sites' pages fetch. */
function isWidget(path: string): boolean {
  return path === '/widget.js' || path.startsWith('/widget/') || path.startsWith('/api/widget/');
}

/** What every visitor's first load fetches from Parley, counted in the widget's byte budget. */
function isFirstLoad(path: string): boolean {
  return path === '/widget.js' || isCorsOnly(path);
}

/** The app chunks (imported as modules) and the config (fetched): only ever requested with CORS. */
function isCorsOnly(path: string): boolean {
  return path.startsWith('/widget/') || path.startsWith('/api/widget/config/');
}

/** What other sites' pages load (the widget), and the demo page that stands in for one. */
function isForHostPages(path: string): boolean {
  return path === '/' || path === '/demo.css' || isWidget(path);
}
