/**
 * @module The help center store in SQL, the same queries on both engines; the engine's indexer keeps
 * its search index in step inside each write's transaction. Every write of an article records a
 * revision with who made it and which fields it changed.
 */
import type { HelpArticle } from '@parley/shared';
import { sql } from 'kysely';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../../errors.ts';
import type { HelpArticleWrite, HelpCenterStore, HelpChange } from '../../help-center-store.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import type { HelpDb } from './help-tables.ts';
import type { HelpIndexer } from './help-indexer.ts';
import { ARTICLE_COLUMNS, toHelpArticle, toHelpCategory, toHelpRevision } from './help-mappers.ts';
import { helpEvents } from './help-events.ts';
import { visitorHelpEvents } from './visitor-help-events.ts';

const slugTaken = (what: string, slug: string, cause: unknown) =>
  new ParleyError(ErrorCode.Conflict, `There is already ${what} with the slug "${slug}" in this locale`, { cause });

async function orConflict<T>(what: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? slugTaken(what, slug, error) : error;
  }
}

const REVISED_FIELDS = ['title', 'summary', 'body', 'slug', 'status', 'categoryId'] as const;

export function createHelpCenterStore(db: HelpDb, indexer: HelpIndexer): HelpCenterStore {
  const findArticleIn = async (tx: HelpDb, siteId: string, id: string) => {
    const row = await tx
      .selectFrom('help_articles')
      .select(ARTICLE_COLUMNS)
      .where('site_id', '=', siteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toHelpArticle(row) : undefined;
  };

  const addRevision = async (tx: HelpDb, before: HelpArticle | undefined, after: HelpArticle, change: HelpChange) => {
    const last = await tx
      .selectFrom('help_revisions')
      .select((eb) => eb.fn.max('number').as('number'))
      .where('article_id', '=', after.id)
      .executeTakeFirst();
    const changed = before ? REVISED_FIELDS.filter((field) => before[field] !== after[field]) : [];
    await tx
      .insertInto('help_revisions')
      .values({
        id: change.revisionId,
        article_id: after.id,
        number: Number(last?.number ?? 0) + 1,
        action: change.action,
        author_id: change.authorId,
        author_name: change.authorName,
        title: after.title,
        summary: after.summary,
        body: after.body,
        slug: after.slug,
        status: after.status,
        changed: JSON.stringify(changed),
        created_at: change.now,
      })
      .execute();
  };

  /** The next position at the end of a list (a locale's categories, a category's articles). */
  const nextPosition = async (
    tx: HelpDb,
    table: 'help_categories' | 'help_articles',
    where: Record<string, string | null>,
  ) => {
    let query = tx.selectFrom(table).select((eb) => eb.fn.max('position').as('position'));
    for (const [column, value] of Object.entries(where)) {
      // the column names come from this module, never from a request
      query =
        value === null ? query.where(column as 'site_id', 'is', null) : query.where(column as 'site_id', '=', value);
    }
    const row = await query.executeTakeFirst();
    return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
  };

  const setPositions = async (
    table: 'help_categories' | 'help_articles',
    siteId: string,
    ids: string[],
    now: string,
  ) => {
    await db.transaction().execute(async (tx) => {
      for (const [position, id] of ids.entries()) {
        await tx
          .updateTable(table)
          .set({ position, updated_at: now })
          .where('site_id', '=', siteId)
          .where('id', '=', id)
          .execute();
      }
    });
  };

  return {
    ...helpEvents(db),
    ...visitorHelpEvents(db),

    async listCategories(siteId, locale) {
      let query = db.selectFrom('help_categories').selectAll().where('site_id', '=', siteId);
      if (locale !== undefined) query = query.where('locale', '=', locale);
      const rows = await query.orderBy('locale').orderBy('position').orderBy('title').execute();
      return rows.map(toHelpCategory);
    },
    async findCategory(siteId, id) {
      const row = await db
        .selectFrom('help_categories')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toHelpCategory(row) : undefined;
    },
    async findCategoryBySlug(siteId, locale, slug) {
      const row = await db
        .selectFrom('help_categories')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('locale', '=', locale)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? toHelpCategory(row) : undefined;
    },
    createCategory(siteId, id, values, now) {
      return orConflict('a category', values.slug, () =>
        db.transaction().execute(async (tx) => {
          const position = await nextPosition(tx, 'help_categories', { site_id: siteId, locale: values.locale });
          const row = { id, site_id: siteId, ...values, position, created_at: now, updated_at: now };
          await tx.insertInto('help_categories').values(row).execute();
          return toHelpCategory(row);
        }),
      );
    },
    async updateCategory(siteId, id, changes, now) {
      await orConflict('a category', changes.slug ?? '', () =>
        db
          .updateTable('help_categories')
          .set({ ...changes, updated_at: now })
          .where('site_id', '=', siteId)
          .where('id', '=', id)
          .execute(),
      );
      return this.findCategory(siteId, id);
    },
    async deleteCategory(siteId, id) {
      const result = await db.transaction().execute(async (tx) => {
        // done here rather than trusting ON DELETE SET NULL: SQLite applies it only with foreign_keys on
        await tx.updateTable('help_articles').set({ category_id: null }).where('category_id', '=', id).execute();
        return tx.deleteFrom('help_categories').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      });
      return Number(result.numDeletedRows) > 0;
    },
    reorderCategories: (siteId, ids, now) => setPositions('help_categories', siteId, ids, now),

    async listArticles(siteId, { locale, status }) {
      let query = db.selectFrom('help_articles').select(ARTICLE_COLUMNS).where('site_id', '=', siteId);
      if (locale !== undefined) query = query.where('locale', '=', locale);
      if (status !== undefined) query = query.where('status', '=', status);
      const rows = await query.orderBy('locale').orderBy('position').orderBy('title').execute();
      return rows.map(toHelpArticle);
    },
    findArticle: (siteId, id) => findArticleIn(db, siteId, id),
    async findArticleBySlug(siteId, locale, slug) {
      const row = await db
        .selectFrom('help_articles')
        .select(ARTICLE_COLUMNS)
        .where('site_id', '=', siteId)
        .where('locale', '=', locale)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? toHelpArticle(row) : undefined;
    },
    async translations(siteId, translationGroupId) {
      const rows = await db
        .selectFrom('help_articles')
        .select(ARTICLE_COLUMNS)
        .where('site_id', '=', siteId)
        .where('translation_group_id', '=', translationGroupId)
        .orderBy('locale')
        .execute();
      return rows.map(toHelpArticle);
    },
    createArticle(siteId, { id, translationGroupId, values }, change) {
      return orConflict('an article', values.slug, () =>
        db.transaction().execute(async (tx) => {
          const position = await nextPosition(tx, 'help_articles', {
            site_id: siteId,
            locale: values.locale,
            category_id: values.categoryId,
          });
          const row = {
            id,
            site_id: siteId,
            translation_group_id: translationGroupId,
            category_id: values.categoryId,
            locale: values.locale,
            slug: values.slug,
            title: values.title,
            summary: values.summary,
            body: values.body,
            status: 'draft',
            position,
            created_at: change.now,
            updated_at: change.now,
            published_at: null,
          };
          await tx.insertInto('help_articles').values(row).execute();
          const article = toHelpArticle(row);
          await addRevision(tx, undefined, article, change);
          return article;
        }),
      );
    },
    updateArticle(siteId, id, changes, change) {
      return orConflict('an article', changes.slug ?? '', () =>
        db.transaction().execute(async (tx) => {
          const before = await findArticleIn(tx, siteId, id);
          if (!before) return undefined;
          const publishing = changes.status === 'published' && before.status !== 'published';
          await tx
            .updateTable('help_articles')
            .set({
              ...columnsOf(changes),
              updated_at: change.now,
              ...(publishing ? { published_at: change.now } : {}),
            })
            .where('id', '=', id)
            .execute();
          const after = await findArticleIn(tx, siteId, id);
          if (!after) return undefined;
          await indexer.sync(tx, after);
          await addRevision(tx, before, after, change);
          return after;
        }),
      );
    },
    async deleteArticle(siteId, id) {
      const result = await db.transaction().execute(async (tx) => {
        await indexer.remove(tx, id);
        await tx.deleteFrom('help_revisions').where('article_id', '=', id).execute();
        return tx.deleteFrom('help_articles').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      });
      return Number(result.numDeletedRows) > 0;
    },
    reorderArticles: (siteId, ids, now) => setPositions('help_articles', siteId, ids, now),
    async revisions(articleId) {
      const rows = await db
        .selectFrom('help_revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('number', 'desc')
        .execute();
      return rows.map(toHelpRevision);
    },
    async popular(siteId, locale, limit) {
      const rows = await db
        .selectFrom('help_articles')
        .select(ARTICLE_COLUMNS)
        .where('site_id', '=', siteId)
        .where('locale', '=', locale)
        .where('status', '=', 'published')
        .orderBy('view_count', 'desc')
        .orderBy('position')
        .orderBy('title')
        .limit(limit)
        .execute();
      return rows.map(toHelpArticle);
    },
    // help-console: may the public see an article picture (help-images.ts)
    async publishedBodyContains(siteId, text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const row = await db
        .selectFrom('help_articles')
        .select('id')
        .where('site_id', '=', siteId)
        .where('status', '=', 'published')
        .where(sql<boolean>`body like ${pattern} escape '\\'`)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

/** Article fields → columns, for the fields present. */
function columnsOf(changes: Partial<HelpArticleWrite> & { status?: string }) {
  const { categoryId, ...rest } = changes;
  return categoryId === undefined ? rest : { ...rest, category_id: categoryId };
}
