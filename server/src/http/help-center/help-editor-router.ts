/**
 * @module The console editor's own admin routes: a preview of an article's Markdown rendered by the
 * public pages' rules (article-markdown.ts), picture uploads for articles, and the body parser for
 * the routes that carry an article. Mounted inside consoleApiRouter, behind requireAgent + requireAdmin.
 */
import express, { Router } from 'express';
import { HELP_IMAGE_MAX_BYTES, helpEditorRoutes, helpRoutes } from '@parley/shared';
import type { HelpImages } from '../../domain/help-center/help-images.ts';
import { handle } from '../rest-route.ts';
import { receiveOneFile } from '../multipart-file.ts';
import { renderArticle } from './article-markdown.ts';

/**
 * Routes whose JSON carries an article body (up to 100,000 characters, more in bytes): the app's 32 kB
 * parser skips them and this router reads them with a limit that fits, after the admin check.
 */
export const HELP_ARTICLE_BODY_ROUTES = [
  helpRoutes.admin.createArticle,
  helpRoutes.admin.updateArticle,
  helpEditorRoutes.preview,
] as const;
const ARTICLE_BODY_LIMIT = '1mb';

/** Mounted before helpAdminRouter: it reads the article routes' bodies for it. */
export function helpEditorRouter(images: HelpImages): Router {
  const router = Router();
  const verbs = { POST: 'post', PATCH: 'patch' } as const;
  for (const route of HELP_ARTICLE_BODY_ROUTES)
    router[verbs[route.method]](route.path, express.json({ limit: ARTICLE_BODY_LIMIT }));

  handle(router, helpEditorRoutes.preview, ({ body }) => ({ html: renderArticle(body.body) }));

  handle(router, helpEditorRoutes.uploadImage, async ({ params }, req, res) => {
    // the site first: a refused upload's body is never read
    await images.assertSite(params.siteId);
    const image = await receiveOneFile(req, HELP_IMAGE_MAX_BYTES, (_name, body) => images.upload(params.siteId, body));
    res.status(201);
    return { image };
  });

  return router;
}
