/**
 * @module Writing the help center: categories and articles per site and locale, publish and unpublish,
 * order, versions of one article in other locales, revision history. Every article write names the
 * agent who made it; the store records it as a revision.
 */
import type {
  HelpArticle,
  HelpArticleStatus,
  HelpArticleUpdate,
  HelpArticleValues,
  HelpCategory,
  HelpRevision,
  HelpRevisionAction,
} from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { HelpChange } from '../../store/help-center-store.ts';
import { newId } from '../ids.ts';
import { freeSlug, slugify } from './slugs.ts';

/** Who makes a change: an agent, or nobody in particular (an import run by the system). */
export interface HelpAuthor {
  id: string | null;
  name: string | null;
}

export interface HelpArticleView {
  article: HelpArticle;
  translations: Array<Pick<HelpArticle, 'id' | 'locale' | 'slug' | 'status'>>;
}

export class HelpArticles {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  async #site(siteId: string): Promise<void> {
    if (!(await this.#store.sites.findById(siteId))) throw notFound('Site');
  }

  #change(author: HelpAuthor, action: HelpRevisionAction): HelpChange {
    return {
      action,
      authorId: author.id,
      authorName: author.name,
      revisionId: newId('hrev'),
      now: this.#now().toISOString(),
    };
  }

  async categories(siteId: string, locale?: string): Promise<HelpCategory[]> {
    await this.#site(siteId);
    return this.#store.helpCenter.listCategories(siteId, locale);
  }

  async createCategory(
    siteId: string,
    input: { locale: string; title: string; slug?: string | undefined; description: string },
  ): Promise<HelpCategory> {
    await this.#site(siteId);
    const help = this.#store.helpCenter;
    const slug =
      input.slug ??
      (await freeSlug(slugify(input.title), async (s) => !!(await help.findCategoryBySlug(siteId, input.locale, s))));
    return help.createCategory(
      siteId,
      newId('hcat'),
      { locale: input.locale, slug, title: input.title, description: input.description },
      this.#now().toISOString(),
    );
  }

  async updateCategory(
    siteId: string,
    id: string,
    changes: { title?: string | undefined; slug?: string | undefined; description?: string | undefined },
  ): Promise<HelpCategory> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const updated = await this.#store.helpCenter.updateCategory(siteId, id, defined, this.#now().toISOString());
    if (!updated) throw notFound('Category');
    return updated;
  }

  async deleteCategory(siteId: string, id: string): Promise<void> {
    if (!(await this.#store.helpCenter.deleteCategory(siteId, id))) throw notFound('Category');
  }

  /** The ids must be exactly the site's categories of one locale. */
  async reorderCategories(siteId: string, ids: string[]): Promise<HelpCategory[]> {
    const first = ids[0] === undefined ? undefined : await this.#store.helpCenter.findCategory(siteId, ids[0]);
    if (!first) throw new ParleyError(ErrorCode.InvalidPayload, 'Name the categories of one locale in their new order');
    const all = await this.#store.helpCenter.listCategories(siteId, first.locale);
    sameSet(
      ids,
      all.map((c) => c.id),
      'categories of the locale',
    );
    await this.#store.helpCenter.reorderCategories(siteId, ids, this.#now().toISOString());
    return this.#store.helpCenter.listCategories(siteId, first.locale);
  }

  async articles(siteId: string, filter: { locale?: string | undefined; status?: HelpArticleStatus | undefined }) {
    await this.#site(siteId);
    return this.#store.helpCenter.listArticles(siteId, definedOnly(filter));
  }

  async article(siteId: string, id: string): Promise<HelpArticleView> {
    const article = await this.#store.helpCenter.findArticle(siteId, id);
    if (!article) throw notFound('Article');
    const group = await this.#store.helpCenter.translations(siteId, article.translationGroupId);
    return {
      article,
      translations: group
        .filter((a) => a.id !== article.id)
        .map(({ id: other, locale, slug, status }) => ({ id: other, locale, slug, status })),
    };
  }

  async createArticle(
    siteId: string,
    input: HelpArticleValues,
    author: HelpAuthor,
    action: HelpRevisionAction = 'created',
  ): Promise<HelpArticleView> {
    await this.#site(siteId);
    const help = this.#store.helpCenter;
    await this.#checkCategory(siteId, input.categoryId, input.locale);
    let translationGroupId: string | undefined;
    if (input.translationOf !== undefined) {
      const original = await help.findArticle(siteId, input.translationOf);
      if (!original) throw notFound('The article this translates');
      const group = await help.translations(siteId, original.translationGroupId);
      if (group.some((a) => a.locale === input.locale)) {
        throw new ParleyError(ErrorCode.Conflict, `This article already has a version in "${input.locale}"`);
      }
      translationGroupId = original.translationGroupId;
    }
    const slug =
      input.slug ??
      (await freeSlug(slugify(input.title), async (s) => !!(await help.findArticleBySlug(siteId, input.locale, s))));
    const id = newId('hart');
    await help.createArticle(
      siteId,
      {
        id,
        translationGroupId: translationGroupId ?? id,
        values: {
          categoryId: input.categoryId,
          locale: input.locale,
          slug,
          title: input.title,
          summary: input.summary,
          body: input.body,
        },
      },
      this.#change(author, action),
    );
    return this.article(siteId, id);
  }

  async updateArticle(
    siteId: string,
    id: string,
    changes: HelpArticleUpdate & { status?: HelpArticleStatus },
    author: HelpAuthor,
    action: HelpRevisionAction = 'updated',
  ): Promise<HelpArticleView> {
    const before = await this.#store.helpCenter.findArticle(siteId, id);
    if (!before) throw notFound('Article');
    if (changes.categoryId !== undefined) await this.#checkCategory(siteId, changes.categoryId, before.locale);
    const updated = await this.#store.helpCenter.updateArticle(
      siteId,
      id,
      definedOnly(changes),
      this.#change(author, action),
    );
    if (!updated) throw notFound('Article');
    return this.article(siteId, id);
  }

  publish(siteId: string, id: string, author: HelpAuthor): Promise<HelpArticleView> {
    return this.updateArticle(siteId, id, { status: 'published' }, author, 'published');
  }

  unpublish(siteId: string, id: string, author: HelpAuthor): Promise<HelpArticleView> {
    return this.updateArticle(siteId, id, { status: 'draft' }, author, 'unpublished');
  }

  async deleteArticle(siteId: string, id: string): Promise<void> {
    if (!(await this.#store.helpCenter.deleteArticle(siteId, id))) throw notFound('Article');
  }

  /** The ids must be exactly the articles of one category (or the uncategorised ones) of one locale. */
  async reorderArticles(siteId: string, ids: string[]): Promise<HelpArticle[]> {
    const help = this.#store.helpCenter;
    const first = ids[0] === undefined ? undefined : await help.findArticle(siteId, ids[0]);
    if (!first) throw new ParleyError(ErrorCode.InvalidPayload, 'Name the articles of one category in their new order');
    const siblings = (await help.listArticles(siteId, { locale: first.locale })).filter(
      (a) => a.categoryId === first.categoryId,
    );
    sameSet(
      ids,
      siblings.map((a) => a.id),
      'articles of the category',
    );
    await help.reorderArticles(siteId, ids, this.#now().toISOString());
    return (await help.listArticles(siteId, { locale: first.locale })).filter((a) => a.categoryId === first.categoryId);
  }

  async revisions(siteId: string, id: string): Promise<HelpRevision[]> {
    if (!(await this.#store.helpCenter.findArticle(siteId, id))) throw notFound('Article');
    return this.#store.helpCenter.revisions(id);
  }

  async #checkCategory(siteId: string, categoryId: string | null, locale: string): Promise<void> {
    if (categoryId === null) return;
    const category = await this.#store.helpCenter.findCategory(siteId, categoryId);
    if (!category) throw notFound('Category');
    if (category.locale !== locale) {
      throw new ParleyError(
        ErrorCode.InvalidPayload,
        `The category is for "${category.locale}", the article for "${locale}"`,
      );
    }
  }
}

function sameSet(given: string[], actual: string[], what: string): void {
  const wanted = new Set(actual);
  if (given.length !== actual.length || new Set(given).size !== given.length || !given.every((id) => wanted.has(id))) {
    throw new ParleyError(ErrorCode.InvalidPayload, `Name every one of the ${what}, each once`);
  }
}

/** Drops the keys whose value is undefined (exactOptionalPropertyTypes keeps them apart from absent ones). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
