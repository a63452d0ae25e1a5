/**
 * @module A folder of Markdown files ⇄ the JSON bundle. Each article is `<locale>/<category>/<slug>.md`
 * (or `<locale>/<slug>.md` outside any category) with YAML front matter (title, summary, status,
 * position, translationKey; slug to override the file name; without a title, the leading `# Heading`
 * or the file name is the title); a category's own title, description and
 * position are in `<locale>/<category>/_category.md`. Files not ending in .md are skipped.
 */
import type { z } from 'zod';
import { parse, stringify } from 'yaml';
import {
  HelpBundleArticleSchema,
  HelpBundleCategorySchema,
  HelpLocaleSchema,
  describeIssues,
  summarizeIssues,
  type HelpJsonBundle,
  type HelpMarkdownBundle,
} from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import { slugify } from './slugs.ts';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const CATEGORY_FILE = '_category';

function invalid(path: string, why: string): ParleyError {
  return new ParleyError(ErrorCode.InvalidPayload, `${path}: ${why}`);
}

function splitFrontMatter(path: string, content: string): { meta: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(content);
  if (!match) return { meta: {}, body: content };
  let meta: unknown;
  try {
    meta = parse(match[1] ?? '', { maxAliasCount: 10 });
  } catch (error) {
    throw invalid(path, `the front matter is not YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (meta !== null && meta !== undefined && (typeof meta !== 'object' || Array.isArray(meta))) {
    throw invalid(path, 'the front matter must be a mapping (title: …)');
  }
  return { meta: (meta ?? {}) as Record<string, unknown>, body: content.slice(match[0].length) };
}

function parseWith<S extends z.ZodType>(schema: S, path: string, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(path, summarizeIssues(describeIssues(parsed.error)));
  return parsed.data;
}

export function fromMarkdown(bundle: HelpMarkdownBundle): HelpJsonBundle {
  const categories: HelpJsonBundle['categories'] = [];
  const articles: HelpJsonBundle['articles'] = [];
  for (const file of bundle.files) {
    const segments = file.path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    const name = segments.pop() ?? '';
    if (!/\.(md|markdown)$/i.test(name)) continue;
    if (segments.includes('..')) throw invalid(file.path, 'a path may not contain ..');
    const stem = name.replace(/\.(md|markdown)$/i, '');
    const last = segments[segments.length - 1] ?? '';
    const inLocale = HelpLocaleSchema.safeParse(last).success && stem !== CATEGORY_FILE;
    const locale = inLocale ? last : segments[segments.length - 2];
    const category = inLocale ? null : last;
    if (locale === undefined || !HelpLocaleSchema.safeParse(locale).success) {
      throw invalid(file.path, 'put it in a folder named after its locale: <locale>/<category>/<slug>.md');
    }
    const { meta, body } = splitFrontMatter(file.path, file.content);
    if (stem === CATEGORY_FILE) {
      categories.push(parseWith(HelpBundleCategorySchema, file.path, { ...meta, locale, slug: category }));
    } else {
      const titled = withTitle(meta, body.replace(/^\r?\n/, ''), stem);
      articles.push(
        parseWith(HelpBundleArticleSchema, file.path, {
          slug: slugify(stem),
          ...meta,
          title: titled.title,
          locale,
          category,
          body: titled.body,
        }),
      );
    }
  }
  // a folder without a _category.md is a category titled after its name
  for (const article of articles) {
    const { category, locale } = article;
    if (category && !categories.some((c) => c.locale === locale && c.slug === category)) {
      categories.push({ locale, slug: category, title: titleOf(category), description: '' });
    }
  }
  return { format: 'parley-help-center', version: 1, categories, articles };
}

const HEADING = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/;

/** The front matter's title; else the body's leading `# Heading` (taken out of the body); else the file name. */
function withTitle(meta: Record<string, unknown>, body: string, stem: string): { title: unknown; body: string } {
  if (meta.title !== undefined) return { title: meta.title, body };
  const heading = HEADING.exec(body);
  if (heading) return { title: heading[1], body: body.slice(heading[0].length).replace(/^\r?\n/, '') };
  return { title: titleOf(stem), body };
}

const titleOf = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

export function toMarkdown(bundle: HelpJsonBundle): HelpMarkdownBundle {
  const files: HelpMarkdownBundle['files'] = bundle.categories.map((c) => ({
    path: `${c.locale}/${c.slug}/${CATEGORY_FILE}.md`,
    content: withFrontMatter({ title: c.title, description: c.description, position: c.position }, ''),
  }));
  for (const a of bundle.articles) {
    const folder = a.category ? `${a.locale}/${a.category}` : a.locale;
    files.push({
      path: `${folder}/${a.slug}.md`,
      content: withFrontMatter(
        {
          title: a.title,
          summary: a.summary,
          status: a.status,
          position: a.position,
          translationKey: a.translationKey,
        },
        a.body,
      ),
    });
  }
  return { format: 'markdown', files };
}

function withFrontMatter(meta: Record<string, unknown>, body: string): string {
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== ''));
  return `---\n${stringify(defined).trimEnd()}\n---\n\n${body}`;
}
