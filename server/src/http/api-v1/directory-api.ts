/**
 * @module /api/v1 agents, sites, reports and help-center articles: the team with each agent's status,
 * sites as a token sees them (no identity secret; changes need the admin scope), the reports page's
 * figures, and the articles agents read. Each through the service the console's pages use.
 */
import { Router, type Request } from 'express';
import { apiV1Routes } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import type { SiteRecord } from '../../store/site-store.ts';
import { toSiteAdminView } from '../admin-views.ts';
import { apiHandle } from './api-route.ts';
import { allowsSite, apiTokenOf, assertSite } from './api-auth.ts';
import type { ApiV1Deps } from './conversations-api.ts';

export function directoryApiRouter({ store, services, publicUrl }: ApiV1Deps): Router {
  const router = Router();
  const routes = apiV1Routes;
  const siteView = (site: SiteRecord) => {
    const { identitySecret: _secret, ...view } = toSiteAdminView(
      site,
      publicUrl(),
      services.siteAdmin.defaultQueueMaxWaitSeconds,
    );
    return view;
  };
  const siteFor = async (req: Request, siteId: string): Promise<SiteRecord> => {
    assertSite(apiTokenOf(req), siteId, 'Site');
    const site = await store.sites.findById(siteId);
    if (!site) throw notFound('Site');
    return site;
  };

  apiHandle(router, routes.agents.list, async () => {
    const agents = await services.directory.list();
    return {
      agents: await Promise.all(
        agents.map(async (agent) => ({
          id: agent.id,
          email: agent.email,
          name: agent.name,
          role: agent.role,
          capacity: agent.capacity,
          active: agent.active,
          status: await services.availability.statusOf(agent.id),
        })),
      ),
    };
  });

  apiHandle(router, routes.agents.setStatus, async ({ params, body }) => {
    const agent = await store.agents.findById(params.agentId);
    if (!agent?.active) throw notFound('Agent');
    return { agentId: agent.id, status: await services.availability.setStatus(agent.id, body.status) };
  });

  apiHandle(router, routes.sites.list, async (_input, req) => {
    const token = apiTokenOf(req);
    const sites = await services.siteAdmin.list();
    return { sites: sites.filter((site) => allowsSite(token, site.id)).map(siteView) };
  });

  apiHandle(router, routes.sites.get, async ({ params }, req) => ({
    site: siteView(await siteFor(req, params.siteId)),
  }));

  apiHandle(router, routes.sites.update, async ({ params, body }, req) => {
    await siteFor(req, params.siteId);
    return { site: siteView(await services.siteAdmin.update(params.siteId, body)) };
  });

  apiHandle(router, routes.reports.report, async ({ query }, req) => {
    const token = apiTokenOf(req);
    if (query.siteId !== undefined) assertSite(token, query.siteId, 'Site');
    else if (token.siteIds !== null) {
      // every site's figures would include sites the token may not see
      if (token.siteIds.length !== 1) {
        throw new ParleyError(ErrorCode.InvalidPayload, 'siteId: required for a token limited to several sites', {
          issues: [{ path: 'siteId', message: 'required for a token limited to several sites' }],
        });
      }
      return { report: await services.reports.report({ ...query, siteId: token.siteIds[0] }) };
    }
    return { report: await services.reports.report(query) };
  });

  apiHandle(router, routes.help.articles, async ({ params, query }, req) => {
    await siteFor(req, params.siteId);
    return { articles: await services.helpCenter.articles.articles(params.siteId, query) };
  });

  apiHandle(router, routes.help.article, async ({ params }, req) => {
    await siteFor(req, params.siteId);
    return services.helpCenter.articles.article(params.siteId, params.articleId);
  });

  return router;
}
