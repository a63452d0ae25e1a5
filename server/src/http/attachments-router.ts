/**
 * @module Attachments over HTTP: uploads (visitors with their token, agents with their session),
 * signed links for whoever may see the conversation, and the signed download. Uploads stream from
 * the request into the file storage; the rules are the domain's (domain/attachments/).
 */
import { Router } from 'express';
import { restRoutes } from '@parley/shared';
import type { AgentAuth } from '../domain/agent-auth.ts';
import type { VisitorTokens } from '../domain/visitor-tokens.ts';
import type { AttachmentUploads, UploadTarget } from '../domain/attachments/attachment-uploads.ts';
import type { AttachmentFiles } from '../domain/attachments/attachment-files.ts';
import type { MessageFiles } from '../domain/attachments/message-files.ts';
import { requestAddress } from '../limits/client-address.ts';
import type { Store } from '../store/store.ts';
import type { RateLimit } from '../limits/rate-limit.ts';
import { rateLimited } from '../limits/rate-limited.ts';
import { handle } from './rest-route.ts';
import { requireAgent, signedInAgent } from './agent-session.ts';
import { receiveOneFile } from './multipart-file.ts';
import { sendFile } from './file-response.ts';
import { requireVisitor, visitorCaller, visitorPreflight } from './visitor-rest-auth.ts';

export interface AttachmentsRouterDeps {
  store: Store;
  tokens: VisitorTokens;
  auth: AgentAuth;
  uploads: AttachmentUploads;
  files: AttachmentFiles;
  messages: MessageFiles;
  uploadLimit: RateLimit;
  /** Throws rate_limited when `address` has started too many conversations. */
  admitConversation: (address: string) => Promise<void>;
  consoleOrigins: () => string[];
}

export function attachmentsRouter(deps: AttachmentsRouterDeps): Router {
  const { uploads, files } = deps;
  const router = Router();
  const visitor = requireVisitor(deps.store, deps.tokens);
  const agent = requireAgent(deps.auth, deps.consoleOrigins);
  const receive = (req: Parameters<typeof receiveOneFile>[0], target: UploadTarget) =>
    receiveOneFile(req, target.settings.maxBytes, (name, body) => uploads.upload(target, name, body));

  for (const route of [restRoutes.attachments.visitorUpload, restRoutes.attachments.visitorLink])
    router.options(route.path, visitorPreflight(deps.store));

  handle(
    router,
    restRoutes.attachments.visitorUpload,
    async (_input, req) => {
      const caller = visitorCaller(req);
      // the rules first: a refused visitor's body is never read
      const waitMs = await deps.uploadLimit.consume(caller.visitorId);
      if (waitMs > 0) throw rateLimited('Too many files', waitMs);
      // a first message that starts with a file opens the chat here (message-files.ts says why)
      const target = await uploads.forVisitor(caller.visitorId, caller.siteId, () =>
        deps.messages.openForUpload(caller, () => deps.admitConversation(requestAddress(req))),
      );
      return { attachment: await receive(req, target) };
    },
    visitor,
  );

  handle(
    router,
    restRoutes.attachments.agentUpload,
    async ({ params: { conversationId } }, req) => {
      const target = await uploads.forAgent(signedInAgent(req), conversationId);
      return { attachment: await receive(req, target) };
    },
    agent,
  );

  handle(
    router,
    restRoutes.attachments.visitorLink,
    ({ params: { attachmentId } }, req) => files.link({ kind: 'visitor', ...visitorCaller(req) }, attachmentId),
    visitor,
  );

  handle(
    router,
    restRoutes.attachments.agentLink,
    ({ params: { attachmentId } }, req) => files.link({ kind: 'agent', agent: signedInAgent(req) }, attachmentId),
    agent,
  );

  handle(router, restRoutes.attachments.download, async ({ params, query }, _req, res) => {
    const file = await files.open(params.attachmentId, query.variant, query.expires, query.signature);
    await sendFile(res, file);
  });

  return router;
}
