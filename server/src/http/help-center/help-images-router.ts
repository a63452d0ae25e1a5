/**
 * @module GET /api/help-images/:siteId/:file: an article's picture, for the public help pages, the
 * widget's reader on a customer's site and the console's preview. Signed-in agents always see it;
 * anyone else only while a published article of the site shows it (help-images.ts). Sent as every
 * stored file is (file-response.ts: sniffed type, nosniff, sandbox), cross-origin readable.
 */
import { Router } from 'express';
import { helpEditorRoutes } from '@parley/shared';
import type { AgentAuth } from '../../domain/agent-auth.ts';
import type { HelpImages } from '../../domain/help-center/help-images.ts';
import { handle } from '../rest-route.ts';
import { sendFile } from '../file-response.ts';
import { sessionTokenOf } from '../auth-router.ts';

export function helpImagesRouter(deps: { images: HelpImages; auth: AgentAuth }): Router {
  const router = Router();
  handle(router, helpEditorRoutes.image, async ({ params }, req, res) => {
    const agent = (await deps.auth.authenticate(sessionTokenOf(req))) !== undefined;
    const file = await deps.images.open(params.siteId, params.file, agent);
    await sendFile(res, file);
  });
  return router;
}
