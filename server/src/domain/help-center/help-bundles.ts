/**
 * @module Import and export of a site's help center (the formats: @parley/shared help-bundles.ts).
 * An import matches categories and articles by locale and slug: new ones are created, existing ones
 * updated (a revision records the import), nothing is deleted. Articles sharing a translationKey become
 * versions of one article; an export writes each article's translation group as its key.
 */
import type { HelpImportResult, HelpJsonBundle, HelpMarkdownBundle } from '@parley/shared';
import type { Store } from '../../store/store.ts';
import type { HelpArticles, HelpAuthor } from './help-articles.ts';
import { fromMarkdown, toMarkdown } from './markdown-bundle.ts';

export class HelpBundles {
  readonly #store: Store;
  readonly #articles: HelpArticles;

  constructor(deps: { store: Store; articles: HelpArticles }) {
    this.#store = deps.store;
    this.#articles = deps.articles;
  }

  async export(siteId: string, format: 'json' | 'markdown'): Promise<HelpJsonBundle | HelpMarkdownBundle> {
    const [categories, articles] = await Promise.all([
      this.#articles.categories(siteId),
      this.#articles.articles(siteId, {}),
    ]);
    const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
    const bundle: HelpJsonBundle = {
      format: 'parley-help-center',
      version: 1,
      exportedAt: new Date().toISOString(),
      categories: categories.map(({ locale, slug, title, description, position }) => ({
        locale,
        slug,
        title,
        description,
        position,
      })),
      articles: articles.map((a) => ({
        locale: a.locale,
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        body: a.body,
        status: a.status,
        position: a.position,
        category: a.categoryId === null ? null : (slugOf.get(a.categoryId) ?? null),
        translationKey: a.translationGroupId,
      })),
    };
    return format === 'json' ? bundle : toMarkdown(bundle);
  }

  async import(
    siteId: string,
    input: HelpJsonBundle | HelpMarkdownBundle,
    author: HelpAuthor,
  ): Promise<HelpImportResult> {
    const bundle = input.format === 'markdown' ? fromMarkdown(input) : input;
    const help = this.#store.helpCenter;
    const result: HelpImportResult = { categories: { created: 0, updated: 0 }, articles: { created: 0, updated: 0 } };

    const categoryIds = new Map<string, string>();
    for (const c of bundle.categories) {
      const existing = await help.findCategoryBySlug(siteId, c.locale, c.slug);
      const category = existing
        ? await this.#articles.updateCategory(siteId, existing.id, { title: c.title, description: c.description })
        : await this.#articles.createCategory(siteId, c);
      result.categories[existing ? 'updated' : 'created']++;
      categoryIds.set(`${c.locale}/${c.slug}`, category.id);
    }
    const groups = new Map<string, string>();
    for (const a of bundle.articles) {
      const categoryId = a.category ? (categoryIds.get(`${a.locale}/${a.category}`) ?? null) : null;
      const existing = await help.findArticleBySlug(siteId, a.locale, a.slug);
      const fields = { title: a.title, summary: a.summary, body: a.body, categoryId };
      const translationOf = a.translationKey === undefined ? undefined : groups.get(a.translationKey);
      const view = existing
        ? await this.#articles.updateArticle(siteId, existing.id, { ...fields, slug: a.slug }, author, 'imported')
        : await this.#articles.createArticle(
            siteId,
            { ...fields, locale: a.locale, slug: a.slug, ...(translationOf ? { translationOf } : {}) },
            author,
            'imported',
          );
      result.articles[existing ? 'updated' : 'created']++;
      if (a.translationKey !== undefined && !groups.has(a.translationKey))
        groups.set(a.translationKey, view.article.id);
      if (view.article.status !== a.status) {
        await this.#articles.updateArticle(siteId, view.article.id, { status: a.status }, author, 'imported');
      }
    }
    await this.#applyPositions(siteId, bundle);
    return result;
  }

  /** Positions given in the bundle, applied after everything exists (a position is an order, not a slot). */
  async #applyPositions(siteId: string, bundle: HelpJsonBundle): Promise<void> {
    const help = this.#store.helpCenter;
    const now = new Date().toISOString();
    const categories = bundle.categories.filter((c) => c.position !== undefined);
    for (const locale of new Set(categories.map((c) => c.locale))) {
      const all = await help.listCategories(siteId, locale);
      const wanted = new Map(categories.filter((c) => c.locale === locale).map((c) => [c.slug, c.position ?? 0]));
      const ordered = [...all].sort((a, b) => (wanted.get(a.slug) ?? a.position) - (wanted.get(b.slug) ?? b.position));
      await help.reorderCategories(
        siteId,
        ordered.map((c) => c.id),
        now,
      );
    }
    const articles = bundle.articles.filter((a) => a.position !== undefined);
    for (const locale of new Set(articles.map((a) => a.locale))) {
      const all = await help.listArticles(siteId, { locale });
      const wanted = new Map(articles.filter((a) => a.locale === locale).map((a) => [a.slug, a.position ?? 0]));
      const byCategory = new Map<string | null, typeof all>();
      for (const a of all) byCategory.set(a.categoryId, [...(byCategory.get(a.categoryId) ?? []), a]);
      for (const siblings of byCategory.values()) {
        const ordered = [...siblings].sort(
          (a, b) => (wanted.get(a.slug) ?? a.position) - (wanted.get(b.slug) ?? b.position),
        );
        await help.reorderArticles(
          siteId,
          ordered.map((a) => a.id),
          now,
        );
      }
    }
  }
}
