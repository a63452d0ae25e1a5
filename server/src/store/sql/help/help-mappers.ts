/**
 * @module Help center rows → the shared shapes.
 */
import type { HelpArticle, HelpArticleStatus, HelpCategory, HelpRevision, HelpRevisionAction } from '@parley/shared';
import type { HelpArticlesTable, HelpCategoriesTable, HelpRevisionsTable } from './help-tables.ts';

export function toHelpCategory(row: HelpCategoriesTable): HelpCategory {
  return {
    id: row.id,
    siteId: row.site_id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    description: row.description,
    position: Number(row.position),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHelpArticle(row: Omit<HelpArticlesTable, 'view_count'>): HelpArticle {
  return {
    id: row.id,
    siteId: row.site_id,
    categoryId: row.category_id,
    translationGroupId: row.translation_group_id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status as HelpArticleStatus,
    position: Number(row.position),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

export function toHelpRevision(row: HelpRevisionsTable): HelpRevision {
  return {
    id: row.id,
    articleId: row.article_id,
    number: Number(row.number),
    action: row.action as HelpRevisionAction,
    authorId: row.author_id,
    authorName: row.author_name,
    title: row.title,
    summary: row.summary,
    body: row.body,
    slug: row.slug,
    status: row.status as HelpArticleStatus,
    changed: JSON.parse(row.changed) as string[],
    createdAt: row.created_at,
  };
}

/** The columns every article query selects (not the engine's search columns). */
export const ARTICLE_COLUMNS = [
  'id',
  'site_id',
  'category_id',
  'translation_group_id',
  'locale',
  'slug',
  'title',
  'summary',
  'body',
  'status',
  'position',
  'created_at',
  'updated_at',
  'published_at',
] as const;
