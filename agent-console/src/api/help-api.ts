/**
 * @module The help center's REST calls for the console: admins' writes (categories, articles, order,
 * publish, import/export), the editor's preview and picture uploads, every agent's reads and search,
 * and an article as the composer inserts it. Pictures go as multipart/form-data, not JSON.
 */
import {
  ErrorBodySchema,
  ErrorCode,
  HelpImageSchema,
  fillPath,
  helpEditorRoutes,
  helpRoutes,
  type HelpArticle,
  type HelpArticleRequest,
  type HelpArticleStatus,
  type HelpArticleUpdate,
  type HelpCategory,
  type HelpCategoryRequest,
  type HelpImage,
  type HelpImportRequest,
  type HelpImportResult,
  type HelpRevision,
  type HelpSearchResponse,
  type HelpShare,
} from '@parley/shared';
import type { z } from 'zod';
import { ApiError, type FetchLike, type RestClient } from './rest-client.ts';

type ArticleView = z.output<typeof helpRoutes.admin.createArticle.response>;
type ExportBundle = z.output<typeof helpRoutes.admin.export.response>;

export interface HelpApi {
  categories(siteId: string, locale?: string): Promise<HelpCategory[]>;
  createCategory(siteId: string, input: HelpCategoryRequest): Promise<HelpCategory>;
  updateCategory(siteId: string, id: string, changes: { title?: string; slug?: string }): Promise<HelpCategory>;
  deleteCategory(siteId: string, id: string): Promise<void>;
  reorderCategories(siteId: string, ids: string[]): Promise<HelpCategory[]>;
  articles(siteId: string, filter?: { locale?: string; status?: HelpArticleStatus }): Promise<HelpArticle[]>;
  article(siteId: string, id: string): Promise<ArticleView>;
  createArticle(siteId: string, input: HelpArticleRequest): Promise<ArticleView>;
  updateArticle(siteId: string, id: string, changes: HelpArticleUpdate): Promise<ArticleView>;
  setPublished(siteId: string, id: string, published: boolean): Promise<ArticleView>;
  deleteArticle(siteId: string, id: string): Promise<void>;
  reorderArticles(siteId: string, ids: string[]): Promise<HelpArticle[]>;
  revisions(siteId: string, id: string): Promise<HelpRevision[]>;
  preview(siteId: string, body: string): Promise<string>;
  uploadImage(siteId: string, file: File): Promise<HelpImage>;
  importBundle(siteId: string, bundle: HelpImportRequest): Promise<HelpImportResult>;
  exportBundle(siteId: string, format: 'json' | 'markdown'): Promise<ExportBundle>;
  search(siteId: string, query: string, locale?: string): Promise<HelpSearchResponse>;
  share(siteId: string, articleId: string): Promise<HelpShare>;
}

const localeQuery = (locale: string | undefined, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...(locale ? { locale } : {}), ...extra });

export function createHelpApi(rest: RestClient, fetchImpl: FetchLike = (input, init) => fetch(input, init)): HelpApi {
  const admin = helpRoutes.admin;
  const agent = helpRoutes.agent;
  return {
    categories: async (siteId, locale) =>
      (await rest.call(agent.categories, { params: { siteId }, query: localeQuery(locale) })).categories,
    createCategory: async (siteId, input) =>
      (await rest.call(admin.createCategory, { params: { siteId }, body: input })).category,
    updateCategory: async (siteId, categoryId, changes) =>
      (await rest.call(admin.updateCategory, { params: { siteId, categoryId }, body: changes })).category,
    deleteCategory: async (siteId, categoryId) => {
      await rest.call(admin.deleteCategory, { params: { siteId, categoryId } });
    },
    reorderCategories: async (siteId, ids) =>
      (await rest.call(admin.reorderCategories, { params: { siteId }, body: { ids } })).categories,
    articles: async (siteId, filter = {}) =>
      (
        await rest.call(agent.articles, {
          params: { siteId },
          query: localeQuery(filter.locale, filter.status ? { status: filter.status } : {}),
        })
      ).articles,
    article: (siteId, articleId) => rest.call(agent.article, { params: { siteId, articleId } }),
    createArticle: (siteId, input) => rest.call(admin.createArticle, { params: { siteId }, body: input }),
    updateArticle: (siteId, articleId, changes) =>
      rest.call(admin.updateArticle, { params: { siteId, articleId }, body: changes }),
    setPublished: (siteId, articleId, published) =>
      rest.call(published ? admin.publishArticle : admin.unpublishArticle, { params: { siteId, articleId } }),
    deleteArticle: async (siteId, articleId) => {
      await rest.call(admin.deleteArticle, { params: { siteId, articleId } });
    },
    reorderArticles: async (siteId, ids) =>
      (await rest.call(admin.reorderArticles, { params: { siteId }, body: { ids } })).articles,
    revisions: async (siteId, articleId) =>
      (await rest.call(agent.revisions, { params: { siteId, articleId } })).revisions,
    preview: async (siteId, body) =>
      (await rest.call(helpEditorRoutes.preview, { params: { siteId }, body: { body } })).html,
    async uploadImage(siteId, file) {
      const form = new FormData();
      form.append('file', file, file.name);
      let response: Response;
      try {
        response = await fetchImpl(fillPath(helpEditorRoutes.uploadImage.path, { siteId }), {
          method: 'POST',
          credentials: 'same-origin',
          body: form,
        });
      } catch {
        throw new ApiError(ErrorCode.Unavailable, 'Could not reach the server. Check your connection and try again.');
      }
      const json: unknown = await response.json().catch(() => null);
      const image = HelpImageSchema.safeParse((json as { image?: unknown } | null)?.image);
      if (response.ok && image.success) return image.data;
      const error = ErrorBodySchema.safeParse(json);
      if (error.success) throw new ApiError(error.data.error.code, error.data.error.message);
      throw new ApiError(ErrorCode.Internal, `The server answered ${response.status}. Please try again.`);
    },
    importBundle: (siteId, bundle) => rest.call(admin.import, { params: { siteId }, body: bundle }),
    exportBundle: (siteId, format) =>
      rest.call(admin.export, { params: { siteId }, query: new URLSearchParams({ format }) }),
    search: (siteId, q, locale) =>
      rest.call(agent.search, { params: { siteId }, query: localeQuery(locale, { q, limit: '8' }) }),
    share: (siteId, articleId) => rest.call(helpEditorRoutes.share, { params: { siteId, articleId } }),
  };
}
