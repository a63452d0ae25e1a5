/**
 * @module What an external bot does through /api/v1 (issue 22): its token (made at registration,
 * `botSiteId` set) reaches only the routes marked `bot` in the route table, and only on conversations
 * its bot holds (another site's or one the bot never held answers 404; one handed off or closed 409).
 * The bot hands off and resolves here; any token with the write scope may do the same while the
 * conversation is with the bot.
 */
import { Router, type RequestHandler } from 'express';
import { apiV1Routes, type ApiRoute, type Conversation } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, forbidden, notFound } from '../../errors.ts';
import type { ApiTokenRecord } from '../../domain/api-tokens.ts';
import type { Store } from '../../store/store.ts';
import { apiHandle } from './api-route.ts';
import { apiTokenOf, assertSite } from './api-auth.ts';
import type { ApiV1Deps } from './conversations-api.ts';

/** In front of every API route: a bot's token calls only the routes a bot may. */
export function requireBotRoute(route: ApiRoute): RequestHandler {
  return (req, _res, next) => {
    if (apiTokenOf(req).botSiteId != null && route.bot !== true) {
      throw forbidden("This is an external bot's token: it may act only on the conversations its bot holds");
    }
    next();
  };
}

const notWithBot = () => new ParleyError(ErrorCode.Conflict, 'The conversation is not with the bot');

/** For a bot's token: the conversation must be one its bot holds now. Other tokens pass. */
export async function assertBotMayAct(store: Store, token: ApiTokenRecord, conversation: Conversation): Promise<void> {
  if (token.botSiteId == null) return;
  const record = conversation.siteId === token.botSiteId ? await store.bots.find(conversation.id) : undefined;
  if (record?.mode !== 'external') throw notFound('Conversation');
  if (conversation.status !== 'bot') throw notWithBot();
}

export function botApiRouter({ store, services }: ApiV1Deps): Router {
  const router = Router();
  const routes = apiV1Routes.conversations;
  const bots = services.answerBot.conversations;

  const withBot = async (token: ApiTokenRecord, id: string): Promise<Conversation> => {
    const conversation = await store.conversations.findById(id);
    if (!conversation) throw notFound('Conversation');
    assertSite(token, conversation.siteId, 'Conversation');
    await assertBotMayAct(store, token, conversation);
    if (conversation.status !== 'bot') throw notWithBot();
    return conversation;
  };

  apiHandle(router, routes.handoff, async ({ params, body }, req) => {
    const conversation = await withBot(apiTokenOf(req), params.conversationId);
    const handedOff = await bots.handOff(conversation.id, body.reason ?? 'no_answer');
    if (!handedOff) throw notWithBot();
    return { conversation: handedOff };
  });

  apiHandle(router, routes.resolve, async ({ params }, req) => {
    const conversation = await withBot(apiTokenOf(req), params.conversationId);
    const resolved = await bots.resolve(conversation.id);
    if (!resolved) throw notWithBot();
    return { conversation: resolved };
  });

  return router;
}
