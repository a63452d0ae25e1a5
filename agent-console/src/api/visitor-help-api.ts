/**
 * @module help-widget: the help articles a visitor met in the widget (GET /api/help/visitors/:id/articles),
 * for the visitor panel.
 */
import { helpRoutes, type VisitorHelpArticle } from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface VisitorHelpApi {
  articles(visitorId: string): Promise<VisitorHelpArticle[]>;
}

export function createVisitorHelpApi(rest: RestClient): VisitorHelpApi {
  return {
    articles: async (visitorId) =>
      (await rest.call(helpRoutes.agent.visitorArticles, { params: { visitorId } })).articles,
  };
}
