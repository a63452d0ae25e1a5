/**
 * @module /api/v1/visitors: read a visitor as the console's panel shows them, change their profile,
 * and identify them. The caller holds an API token, so it is the host app's server: it identifies
 * with the site's identity secret itself, and the visitor is verified through the widget's own
 * identify path (VisitorProfiles.identify), rules and all.
 */
import { Router, type Request } from 'express';
import { apiV1Routes, type VisitorIdentify } from '@parley/shared';
import { notFound } from '../../errors.ts';
import { userHashFor } from '../../domain/identity-hash.ts';
import type { VisitorRecord } from '../../store/visitor-store.ts';
import { apiHandle } from './api-route.ts';
import { apiTokenOf, assertSite } from './api-auth.ts';
import type { ApiV1Deps } from './conversations-api.ts';

export function visitorsApiRouter({ store, services }: ApiV1Deps): Router {
  const router = Router();
  const routes = apiV1Routes.visitors;

  const visitorFor = async (req: Request, id: string): Promise<VisitorRecord> => {
    const visitor = await store.visitors.findById(id);
    if (!visitor) throw notFound('Visitor');
    assertSite(apiTokenOf(req), visitor.siteId, 'Visitor');
    return visitor;
  };
  const view = async (visitor: VisitorRecord) => ({
    visitor: { ...(await services.insight.details(visitor.id)), siteId: visitor.siteId },
  });
  /** What identify needs to prove `userId`, signed here with the site's secret. */
  const proof = async (siteId: string, userId: string): Promise<Pick<VisitorIdentify, 'userId' | 'userHash'>> => {
    const site = await store.sites.findById(siteId);
    if (!site) throw notFound('Site');
    return { userId, userHash: userHashFor(site.identitySecret, userId) };
  };

  apiHandle(router, routes.get, async ({ params }, req) => view(await visitorFor(req, params.visitorId)));

  apiHandle(router, routes.update, async ({ params, body }, req) => {
    const visitor = await visitorFor(req, params.visitorId);
    // a verified visitor stays verified as the same user: their id is proven again with the change
    const keep = visitor.externalUserId === null ? {} : await proof(visitor.siteId, visitor.externalUserId);
    await services.profiles.identify({ visitorId: visitor.id, siteId: visitor.siteId }, { ...body, ...keep });
    return view(visitor);
  });

  apiHandle(router, routes.identify, async ({ params, body }, req) => {
    const visitor = await visitorFor(req, params.visitorId);
    const input = { ...body, ...(await proof(visitor.siteId, body.userId)) };
    await services.profiles.identify({ visitorId: visitor.id, siteId: visitor.siteId }, input);
    return view(visitor);
  });

  return router;
}
