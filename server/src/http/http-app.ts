/**
 * @module The express app: middleware and routers in the order a request meets them, then the JSON
 * 404 for unknown /api paths and the error handler. A new middleware or router is one line here.
 */
import express, { type Express } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { DomainServices } from '../composition/domain-services.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Readiness } from '../ops/readiness.ts';
import { ParleyError } from '../errors.ts';
import { resolveStaticDirs } from '../asset-dirs.ts';
import { requestLog } from './request-log.ts';
import { healthRouter } from './health-router.ts';
import { authRouter } from './auth-router.ts';
import { widgetRouter } from './widget-router.ts';
import { consoleApiRouter } from './admin-router.ts';
import { staticRouter } from './static-router.ts';
import { errorHandler, sendError } from './validate.ts';
import { securityHeaders } from './security-headers.ts';
import { responseCompression } from './response-compression.ts';
import { rejectMalformedUrl } from './malformed-url.ts';
import type { Limits } from '../limits/create-limits.ts';
import { attachmentsRouter } from './attachments-router.ts';
import { helpRoutes } from '@parley/shared';
import { helpPagesRouter } from './help-center/help-pages-router.ts';
import { helpWidgetRouter } from './help-center/help-widget-router.ts';
import { exceptPath } from './except-path.ts';
// help-console: articles' pictures, public while a published article shows them
import { helpImagesRouter } from './help-center/help-images-router.ts';
import { HELP_ARTICLE_BODY_ROUTES } from './help-center/help-editor-router.ts';
// public REST API v1 (issue 21)
import { apiV1Router } from './api-v1/api-v1-router.ts';

export interface HttpAppDeps {
  config: Config;
  store: Store;
  services: DomainServices;
  metrics: Metrics;
  readiness: Readiness;
  logger: Logger;
  limits: Pick<Limits, 'trust' | 'http' | 'uploads' | 'sockets' | 'help' | 'api'>;
  now: () => Date;
  publicUrl: () => string;
  /** Origins the console may call from (changing requests from others are refused). */
  consoleOrigins: () => string[];
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const { config, store, services, logger, publicUrl } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.limits.trust);
  app.use(requestLog(logger));
  app.use(rejectMalformedUrl);
  app.use(securityHeaders(publicUrl));
  app.use(responseCompression());
  // the help center import reads its own larger body after the admin check (help-admin-router.ts), and so
  // do article writes and the editor's preview (help-console: a body may be 100,000 characters)
  app.use(exceptPath([helpRoutes.admin.import, ...HELP_ARTICLE_BODY_ROUTES], express.json({ limit: '32kb' })));
  app.use(healthRouter({ store, readiness: deps.readiness, metrics: deps.metrics, logger }));
  app.use(deps.limits.http);
  app.use(
    authRouter(services.auth, {
      secureCookies: () => publicUrl().startsWith('https:'),
      consoleOrigins: deps.consoleOrigins,
    }),
  );
  app.use(widgetRouter(store, services.rules, services.helpCenter.reader));
  app.use(
    attachmentsRouter({
      store,
      tokens: services.tokens,
      auth: services.auth,
      ...services.attachments,
      uploadLimit: deps.limits.uploads,
      // files-in-chat: an upload that opens a conversation counts against new conversations per address
      admitConversation: (address) => deps.limits.sockets.admitConversation(address),
      consoleOrigins: deps.consoleOrigins,
    }),
  );
  for (const emailRouter of services.email.routers) app.use(emailRouter);
  app.use(
    consoleApiRouter({
      auth: services.auth,
      directory: services.directory,
      sites: services.siteAdmin,
      canned: services.canned,
      rules: services.rules,
      reports: services.reports,
      retention: services.retention,
      helpCenter: services.helpCenter,
      botSettings: services.answerBot.settings,
      externalBots: services.answerBot.externalBots,
      botReports: services.answerBot.reports,
      webhooks: services.webhooks.endpoints,
      apiTokens: services.apiTokens,
      store,
      publicUrl,
      consoleOrigins: deps.consoleOrigins,
      helpCenterPath: config.helpCenterPath, // help-console
    }),
  );
  app.use(
    helpWidgetRouter({
      reader: services.helpCenter.reader,
      tokens: services.tokens,
      limits: deps.limits.help,
      publicUrl,
      helpCenterPath: config.helpCenterPath,
    }),
  );
  // help-console
  app.use(helpImagesRouter({ images: services.helpCenter.images, auth: services.auth }));
  app.use(
    helpPagesRouter({
      reader: services.helpCenter.reader,
      basePath: config.helpCenterPath,
      publicUrl,
      searchLimit: deps.limits.help.search,
    }),
  );
  app.use(
    apiV1Router({ store, services, publicUrl, tokens: services.apiTokens, limit: deps.limits.api, now: deps.now }),
  );
  app.use(staticRouter(store, resolveStaticDirs(config), publicUrl));
  app.use('/api', (_req, res) => sendError(res, new ParleyError(ErrorCode.NotFound, 'No such endpoint')));
  app.use(errorHandler(logger));
  return app;
}
