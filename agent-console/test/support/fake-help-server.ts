/**
 * @module An in-memory stand-in for the help center's REST endpoints (shared schemas in, shared shapes
 * or error bodies out), in front of a FakeAdminServer for everything else, so the real help api module,
 * page and composer run against it in tests. Its preview marks **bold** and escapes the rest, enough to
 * tell rendered from raw; the real renderer is tested on the server.
 */
import {
  HelpArticleRequestSchema,
  HelpArticleUpdateSchema,
  HelpCategoryRequestSchema,
  HelpCategoryUpdateSchema,
  HelpImportRequestSchema,
  HelpReorderRequestSchema,
  type HelpArticle,
  type HelpCategory,
  type HelpRevision,
} from '@parley/shared';
import { FakeAdminServer } from './fake-admin-server.ts';
import { iso } from './fixtures.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, code: string, message: string) => json(status, { error: { code, message } });
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class FakeHelpServer {
  categories: HelpCategory[] = [];
  articles: HelpArticle[] = [];
  revisions: HelpRevision[] = [];
  imports: unknown[] = [];
  /** Method and path of every call, in order. */
  calls: string[] = [];
  /** Routes ("GET /api/…") that answer 503 until removed. */
  unavailable = new Set<string>();
  #next = 1;

  constructor(readonly admin = new FakeAdminServer()) {}

  category(overrides: Partial<HelpCategory> & { title: string }): HelpCategory {
    const category: HelpCategory = {
      id: `hcat-${this.#next++}`,
      siteId: 'site-1',
      locale: 'en',
      slug: overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: '',
      position: this.categories.length,
      createdAt: iso(0),
      updatedAt: iso(0),
      ...overrides,
    };
    this.categories.push(category);
    return category;
  }

  article(overrides: Partial<HelpArticle> & { title: string }): HelpArticle {
    const id = overrides.id ?? `hart-${this.#next++}`;
    const article: HelpArticle = {
      id,
      siteId: 'site-1',
      categoryId: null,
      translationGroupId: id,
      locale: 'en',
      slug: overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      summary: '',
      body: '',
      status: 'draft',
      position: this.articles.length,
      createdAt: iso(0),
      updatedAt: iso(0),
      publishedAt: null,
      ...overrides,
    };
    this.articles.push(article);
    this.#revise(article, 'created', []);
    return article;
  }

  #revise(article: HelpArticle, action: HelpRevision['action'], changed: string[]): void {
    const number = this.revisions.filter((r) => r.articleId === article.id).length + 1;
    const { title, summary, body, slug, status } = article;
    this.revisions.unshift({
      id: `hrev-${this.#next++}`,
      articleId: article.id,
      number,
      action,
      authorId: 'agent-1',
      authorName: 'Ada',
      title,
      summary,
      body,
      slug,
      status,
      changed,
      createdAt: iso(number * 1000),
    });
  }

  #view(article: HelpArticle) {
    const translations = this.articles
      .filter((a) => a.translationGroupId === article.translationGroupId && a.id !== article.id)
      .map(({ id, locale, slug, status }) => ({ id, locale, slug, status }));
    return { article, translations };
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const [path = '', search = ''] = input.split('?');
    const route = `${method} ${path}`;
    const query = new URLSearchParams(search);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    if (!/\/help|help-images/.test(path)) return this.admin.fetch(input, init);
    this.calls.push(route);
    if (this.unavailable.has(route)) return fail(503, 'internal', 'The server is not answering.');
    let m: RegExpExecArray | null;
    const at = (id: string | undefined) => this.articles.find((a) => a.id === id);

    if (/\/categories$/.test(route) && method === 'GET') {
      const locale = query.get('locale');
      return json(200, { categories: this.categories.filter((c) => !locale || c.locale === locale) });
    }
    if (/\/articles$/.test(route) && method === 'GET') {
      const status = query.get('status');
      return json(200, { articles: this.articles.filter((a) => !status || a.status === status) });
    }
    if (/\/help\/categories$/.test(route) && method === 'POST') {
      const values = HelpCategoryRequestSchema.parse(body);
      return json(201, { category: this.category({ ...values }) });
    }
    if ((m = /\/help\/categories\/([^/]+)$/.exec(route))) {
      const found = this.categories.find((c) => c.id === m?.[1]);
      if (!found) return fail(404, 'not_found', 'Category not found');
      if (method === 'DELETE') {
        this.categories = this.categories.filter((c) => c !== found);
        return new Response(null, { status: 204 });
      }
      Object.assign(found, HelpCategoryUpdateSchema.parse(body));
      return json(200, { category: found });
    }
    if (/\/category-order$/.test(route)) {
      const { ids } = HelpReorderRequestSchema.parse(body);
      this.categories = ids.flatMap((id, position) => {
        const c = this.categories.find((x) => x.id === id);
        return c ? [{ ...c, position }] : [];
      });
      return json(200, { categories: this.categories });
    }
    if (/\/article-order$/.test(route)) {
      const { ids } = HelpReorderRequestSchema.parse(body);
      const moved = ids.flatMap((id, position) => {
        const a = at(id);
        return a ? [Object.assign(a, { position })] : [];
      });
      return json(200, { articles: moved });
    }
    if (/\/help\/articles$/.test(route) && method === 'POST') {
      const values = HelpArticleRequestSchema.parse(body);
      const { translationOf, ...rest } = values;
      const created = this.article({
        ...rest,
        slug: values.slug ?? values.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        ...(translationOf ? { translationGroupId: at(translationOf)?.translationGroupId ?? translationOf } : {}),
      });
      return json(201, this.#view(created));
    }
    if ((m = /\/articles\/([^/]+)\/(publish|unpublish)$/.exec(route))) {
      const found = at(m[1]);
      if (!found) return fail(404, 'not_found', 'Article not found');
      found.status = m[2] === 'publish' ? 'published' : 'draft';
      this.#revise(found, m[2] === 'publish' ? 'published' : 'unpublished', ['status']);
      return json(200, this.#view(found));
    }
    if ((m = /\/articles\/([^/]+)\/revisions$/.exec(route)))
      return json(200, { revisions: this.revisions.filter((r) => r.articleId === m?.[1]) });
    if ((m = /\/articles\/([^/]+)\/share$/.exec(route))) {
      const found = at(m[1]);
      if (!found || found.status !== 'published') return fail(409, 'conflict', 'Publish the article first.');
      const url = `http://localhost:3000/help/pk_demo/${found.locale}/articles/${found.slug}`;
      return json(200, { link: { title: found.title, summary: found.summary, url }, excerpt: found.body.slice(0, 80) });
    }
    if ((m = /\/articles\/([^/]+)$/.exec(route))) {
      const found = at(m[1]);
      if (!found) return fail(404, 'not_found', 'Article not found');
      if (method === 'GET') return json(200, this.#view(found));
      if (method === 'DELETE') {
        this.articles = this.articles.filter((a) => a !== found);
        return new Response(null, { status: 204 });
      }
      const changes = HelpArticleUpdateSchema.parse(body);
      const changed = Object.keys(changes).filter(
        (key) => changes[key as keyof typeof changes] !== found[key as keyof HelpArticle],
      );
      Object.assign(found, changes);
      this.#revise(found, 'updated', changed);
      return json(200, this.#view(found));
    }
    if (/\/help\/preview$/.test(route)) {
      const text = escape((body as { body: string }).body);
      return json(200, { html: text === '' ? '' : `<p>${text.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>` });
    }
    if (/\/help\/images$/.test(route))
      return json(201, {
        image: {
          url: 'http://localhost:3000/api/help-images/site-1/himg_AAAAAAAAAAAAAAAA.png',
          type: 'image/png',
          size: 9,
        },
      });
    if (/\/help\/export$/.test(route))
      return json(200, { format: 'parley-help-center', version: 1, categories: [], articles: [] });
    if (/\/help\/import$/.test(route)) {
      this.imports.push(HelpImportRequestSchema.parse(body));
      return json(200, { categories: { created: 1, updated: 0 }, articles: { created: 2, updated: 1 } });
    }
    if (/\/search$/.test(route)) {
      const q = (query.get('q') ?? '').toLowerCase();
      const results = this.articles
        .filter((a) => a.status === 'published' && q !== '' && a.title.toLowerCase().includes(q))
        .map(({ id, slug, locale, title, summary, categoryId }) => ({ id, slug, locale, title, summary, categoryId }));
      return json(200, { query: q, locale: 'en', match: results.length ? 'exact' : 'none', results });
    }
    return fail(404, 'not_found', route);
  };
}
