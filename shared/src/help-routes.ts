/**
 * @module The help center's REST routes, in the shape of rest-routes.ts's table (kept in its own module so
 * the help center grows without touching the shared table): admin writes under /api/admin, agents' reads
 * under /api/help, and the widget's public reads under /api/widget/:siteKey/help.
 */
import { z } from 'zod';
import type { RestRoute } from './rest-routes.ts';
import { SiteIdParamsSchema } from './admin.ts';
import { SiteKeyParamsSchema } from './rest.ts';
import {
  HelpArticleListQuerySchema,
  HelpArticleListResponseSchema,
  HelpArticleParamsSchema,
  HelpArticleRequestSchema,
  HelpArticleResponseSchema,
  HelpArticleUpdateSchema,
  HelpCategoryListResponseSchema,
  HelpCategoryParamsSchema,
  HelpCategoryRequestSchema,
  HelpCategoryResponseSchema,
  HelpCategoryUpdateSchema,
  HelpLocaleQuerySchema,
  HelpPopularResponseSchema,
  HelpPublicArticleResponseSchema,
  HelpPublicSlugParamsSchema,
  HelpReorderRequestSchema,
  HelpRevisionListResponseSchema,
  HelpSearchQuerySchema,
  HelpSearchResponseSchema,
  HelpVoteRequestSchema,
} from './help-payloads.ts';
import {
  HelpExportQuerySchema,
  HelpExportResponseSchema,
  HelpImportRequestSchema,
  HelpImportResponseSchema,
} from './help-bundles.ts';
import { HelpShownRequestSchema, VisitorHelpResponseSchema } from './help-widget.ts';
import { VisitorIdParamsSchema } from './reports.ts';

const admin = '/api/admin/sites/:siteId/help';
const agent = '/api/help/sites/:siteId';
const widget = '/api/widget/:siteKey/help';

export const helpRoutes = {
  /** Admins write; behind the admin check of /api/admin. */
  admin: {
    createCategory: {
      method: 'POST',
      path: `${admin}/categories`,
      params: SiteIdParamsSchema,
      request: HelpCategoryRequestSchema,
      response: HelpCategoryResponseSchema,
    },
    reorderCategories: {
      method: 'PUT',
      path: `${admin}/category-order`,
      params: SiteIdParamsSchema,
      request: HelpReorderRequestSchema,
      response: HelpCategoryListResponseSchema,
    },
    updateCategory: {
      method: 'PATCH',
      path: `${admin}/categories/:categoryId`,
      params: HelpCategoryParamsSchema,
      request: HelpCategoryUpdateSchema,
      response: HelpCategoryResponseSchema,
    },
    deleteCategory: { method: 'DELETE', path: `${admin}/categories/:categoryId`, params: HelpCategoryParamsSchema },
    createArticle: {
      method: 'POST',
      path: `${admin}/articles`,
      params: SiteIdParamsSchema,
      request: HelpArticleRequestSchema,
      response: HelpArticleResponseSchema,
    },
    /** The order of articles within one category (or, with categoryId null, of the uncategorised ones). */
    reorderArticles: {
      method: 'PUT',
      path: `${admin}/article-order`,
      params: SiteIdParamsSchema,
      request: HelpReorderRequestSchema,
      response: HelpArticleListResponseSchema,
    },
    updateArticle: {
      method: 'PATCH',
      path: `${admin}/articles/:articleId`,
      params: HelpArticleParamsSchema,
      request: HelpArticleUpdateSchema,
      response: HelpArticleResponseSchema,
    },
    publishArticle: {
      method: 'POST',
      path: `${admin}/articles/:articleId/publish`,
      params: HelpArticleParamsSchema,
      response: HelpArticleResponseSchema,
    },
    unpublishArticle: {
      method: 'POST',
      path: `${admin}/articles/:articleId/unpublish`,
      params: HelpArticleParamsSchema,
      response: HelpArticleResponseSchema,
    },
    deleteArticle: { method: 'DELETE', path: `${admin}/articles/:articleId`, params: HelpArticleParamsSchema },
    import: {
      method: 'POST',
      path: `${admin}/import`,
      params: SiteIdParamsSchema,
      request: HelpImportRequestSchema,
      response: HelpImportResponseSchema,
    },
    export: {
      method: 'GET',
      path: `${admin}/export`,
      params: SiteIdParamsSchema,
      query: HelpExportQuerySchema,
      response: HelpExportResponseSchema,
    },
  },
  /** Every signed-in agent reads (drafts included) and searches, to answer with an article. */
  agent: {
    categories: {
      method: 'GET',
      path: `${agent}/categories`,
      params: SiteIdParamsSchema,
      query: HelpLocaleQuerySchema,
      response: HelpCategoryListResponseSchema,
    },
    articles: {
      method: 'GET',
      path: `${agent}/articles`,
      params: SiteIdParamsSchema,
      query: HelpArticleListQuerySchema,
      response: HelpArticleListResponseSchema,
    },
    article: {
      method: 'GET',
      path: `${agent}/articles/:articleId`,
      params: HelpArticleParamsSchema,
      response: HelpArticleResponseSchema,
    },
    revisions: {
      method: 'GET',
      path: `${agent}/articles/:articleId/revisions`,
      params: HelpArticleParamsSchema,
      response: HelpRevisionListResponseSchema,
    },
    search: {
      method: 'GET',
      path: `${agent}/search`,
      params: SiteIdParamsSchema,
      query: HelpSearchQuerySchema,
      response: HelpSearchResponseSchema,
    },
    // help-widget: the articles a visitor was shown, opened and voted on in the widget (visitor panel)
    visitorArticles: {
      method: 'GET',
      path: '/api/help/visitors/:visitorId/articles',
      params: VisitorIdParamsSchema,
      response: VisitorHelpResponseSchema,
    },
  },
  /** Public, for the widget: published articles only, rate limited per address. */
  widget: {
    search: {
      method: 'GET',
      path: `${widget}/search`,
      params: SiteKeyParamsSchema,
      query: HelpSearchQuerySchema,
      response: HelpSearchResponseSchema,
    },
    popular: {
      method: 'GET',
      path: `${widget}/popular`,
      params: SiteKeyParamsSchema,
      query: HelpLocaleQuerySchema,
      response: HelpPopularResponseSchema,
    },
    article: {
      method: 'GET',
      path: `${widget}/articles/:slug`,
      params: HelpPublicSlugParamsSchema,
      query: HelpLocaleQuerySchema,
      response: HelpPublicArticleResponseSchema,
    },
    vote: {
      method: 'POST',
      path: `${widget}/articles/:slug/votes`,
      params: HelpPublicSlugParamsSchema,
      query: HelpLocaleQuerySchema,
      request: HelpVoteRequestSchema,
      response: z.object({ recorded: z.literal(true) }),
    },
    // help-widget: the articles suggested above the message box, for deflection
    shown: {
      method: 'POST',
      path: `${widget}/shown`,
      params: SiteKeyParamsSchema,
      query: HelpLocaleQuerySchema,
      request: HelpShownRequestSchema,
      response: z.object({ recorded: z.literal(true) }),
    },
  },
} as const satisfies Record<string, Record<string, RestRoute>>;
