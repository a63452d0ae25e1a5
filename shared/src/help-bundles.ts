/**
 * @module Help center import and export. Two forms of the same content:
 * - the JSON bundle (`format: "parley-help-center"`), what an export gives and an import takes back;
 * - a folder of Markdown files with YAML front matter, sent as `{ format: "markdown", files: [{ path, content }] }`
 *   where a path is `<locale>/<category-slug>/<article-slug>.md` or `<locale>/<article-slug>.md`
 *   (docs/help-center.md shows how to make one from a folder).
 * Articles and categories are matched by locale and slug: an import adds what is new and updates what
 * exists, never deletes.
 */
import { z } from 'zod';
import {
  HelpArticleStatusSchema,
  HelpBodySchema,
  HelpLocaleSchema,
  HelpSlugSchema,
  HelpSummarySchema,
  HelpTitleSchema,
} from './help-articles.ts';
import { firstValue } from './help-payloads.ts';

/** An export of a large FAQ fits; the JSON body limit of the import route is sized to match. */
export const HELP_BUNDLE_MAX_ARTICLES = 2000;

export const HelpBundleCategorySchema = z.object({
  locale: HelpLocaleSchema,
  slug: HelpSlugSchema,
  title: HelpTitleSchema,
  description: HelpSummarySchema.default(''),
  position: z.number().int().min(0).optional(),
});

export const HelpBundleArticleSchema = z.object({
  locale: HelpLocaleSchema,
  slug: HelpSlugSchema,
  title: HelpTitleSchema,
  summary: HelpSummarySchema.default(''),
  body: HelpBodySchema,
  status: HelpArticleStatusSchema.default('draft'),
  position: z.number().int().min(0).optional(),
  /** The category's slug in the same locale; null or absent: none. */
  category: HelpSlugSchema.nullable().optional(),
  /** Articles sharing a key are versions of one article in several locales. */
  translationKey: z.string().min(1).max(200).optional(),
});
export type HelpBundleArticle = z.output<typeof HelpBundleArticleSchema>;

export const HelpJsonBundleSchema = z.object({
  format: z.literal('parley-help-center'),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  categories: z.array(HelpBundleCategorySchema).max(500),
  articles: z.array(HelpBundleArticleSchema).max(HELP_BUNDLE_MAX_ARTICLES),
});
export type HelpJsonBundle = z.output<typeof HelpJsonBundleSchema>;

export const HelpMarkdownFileSchema = z.object({
  path: z.string().min(1).max(500),
  // the body's limit and room for the front matter
  content: z.string().max(110_000),
});

export const HelpMarkdownBundleSchema = z.object({
  format: z.literal('markdown'),
  files: z.array(HelpMarkdownFileSchema).max(HELP_BUNDLE_MAX_ARTICLES),
});
export type HelpMarkdownBundle = z.output<typeof HelpMarkdownBundleSchema>;

export const HelpImportRequestSchema = z.discriminatedUnion('format', [HelpJsonBundleSchema, HelpMarkdownBundleSchema]);
export type HelpImportRequest = z.input<typeof HelpImportRequestSchema>;

const counts = z.object({ created: z.number().int(), updated: z.number().int() });
export const HelpImportResponseSchema = z.object({ categories: counts, articles: counts });
export type HelpImportResult = z.infer<typeof HelpImportResponseSchema>;

export const HelpExportResponseSchema = z.union([HelpJsonBundleSchema, HelpMarkdownBundleSchema]);

export const HelpExportQuerySchema = z.object({
  format: z.preprocess(firstValue, z.enum(['json', 'markdown']).default('json')),
});
