/**
 * @module REST payloads of the help center: what admins send to write categories and articles, what
 * agents and the widget read back, search requests and results, helpfulness votes, and the import and
 * export bundles. Search input is never refused: any text is cut to a bounded query and answered.
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import {
  HelpArticleSchema,
  HelpArticleStatusSchema,
  HelpArticleSummarySchema,
  HelpBodySchema,
  HelpCategorySchema,
  HelpLocaleSchema,
  HelpRevisionSchema,
  HelpSlugSchema,
  HelpSummarySchema,
  HelpTitleSchema,
} from './help-articles.ts';

/** Characters of a search query that are looked at; the rest of a longer one is ignored, not refused. */
export const HELP_QUERY_MAX = 200;
export const HELP_SEARCH_LIMIT_MAX = 20;

/** The first value of a query parameter however often it was given (`?q=a&q=b`). */
export const firstValue = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** A query parameter as text ('' when absent or not text). */
const firstText = z.preprocess(
  firstValue,
  z.unknown().transform((v) => (typeof v === 'string' ? v : '')),
);

/** A search query as typed: anything, cut to HELP_QUERY_MAX characters (never a refusal). */
export const HelpQueryTextSchema = firstText.transform((v) => Array.from(v).slice(0, HELP_QUERY_MAX).join(''));

const limitParam = firstText.transform((v) => {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), HELP_SEARCH_LIMIT_MAX) : 8;
});

/** A locale parameter that falls back to undefined (the site's default) when it is not a language tag. */
const optionalLocale = firstText.transform((v) => {
  const parsed = HelpLocaleSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
});

export const HelpSearchQuerySchema = z.object({ q: HelpQueryTextSchema, locale: optionalLocale, limit: limitParam });
export type HelpSearchQuery = z.output<typeof HelpSearchQuerySchema>;

/** exact: the full-text search matched; fuzzy: only the typo-tolerant fallback did; none: nothing did. */
export const HelpMatchSchema = z.enum(['exact', 'fuzzy', 'none']);
export type HelpMatch = z.infer<typeof HelpMatchSchema>;

export const HelpSearchResponseSchema = z.object({
  query: z.string(),
  locale: z.string(),
  match: HelpMatchSchema,
  results: z.array(HelpArticleSummarySchema),
});
export type HelpSearchResponse = z.infer<typeof HelpSearchResponseSchema>;

export const HelpLocaleQuerySchema = z.object({ locale: optionalLocale });

// ---- admin writes ----

export const HelpCategoryRequestSchema = z.object({
  locale: HelpLocaleSchema,
  title: HelpTitleSchema,
  /** Made from the title when absent. */
  slug: HelpSlugSchema.optional(),
  description: HelpSummarySchema.default(''),
});
export type HelpCategoryRequest = z.input<typeof HelpCategoryRequestSchema>;

export const HelpCategoryUpdateSchema = z
  .object({ title: HelpTitleSchema, slug: HelpSlugSchema, description: HelpSummarySchema })
  .partial();

export const HelpArticleRequestSchema = z.object({
  locale: HelpLocaleSchema,
  title: HelpTitleSchema,
  body: HelpBodySchema,
  summary: HelpSummarySchema.default(''),
  slug: HelpSlugSchema.optional(),
  categoryId: IdSchema.nullable().default(null),
  /** Another article's id: this one is its version in another locale. */
  translationOf: IdSchema.optional(),
});
export type HelpArticleRequest = z.input<typeof HelpArticleRequestSchema>;
export type HelpArticleValues = z.output<typeof HelpArticleRequestSchema>;

export const HelpArticleUpdateSchema = z
  .object({
    title: HelpTitleSchema,
    body: HelpBodySchema,
    summary: HelpSummarySchema,
    slug: HelpSlugSchema,
    categoryId: IdSchema.nullable(),
  })
  .partial();
export type HelpArticleUpdate = z.output<typeof HelpArticleUpdateSchema>;

export const HelpReorderRequestSchema = z.object({ ids: z.array(IdSchema).max(1000) });

export const HelpCategoryParamsSchema = z.object({ siteId: IdSchema, categoryId: IdSchema });
export const HelpArticleParamsSchema = z.object({ siteId: IdSchema, articleId: IdSchema });

export const HelpArticleListQuerySchema = z.object({
  locale: optionalLocale,
  status: z.preprocess(firstValue, HelpArticleStatusSchema.optional()),
});

export const HelpCategoryListResponseSchema = z.object({ categories: z.array(HelpCategorySchema) });
export const HelpCategoryResponseSchema = z.object({ category: HelpCategorySchema });
export const HelpArticleListResponseSchema = z.object({ articles: z.array(HelpArticleSchema) });
export const HelpArticleResponseSchema = z.object({
  article: HelpArticleSchema,
  /** The other locales' versions of the same article. */
  translations: z.array(
    z.object({ id: IdSchema, locale: z.string(), slug: z.string(), status: HelpArticleStatusSchema }),
  ),
});
export const HelpRevisionListResponseSchema = z.object({ revisions: z.array(HelpRevisionSchema) });

// ---- public reads and measurement ----

export const HelpPublicSlugParamsSchema = z.object({ siteKey: z.string().min(1).max(128), slug: HelpSlugSchema });

/** A published article as the widget shows it: Markdown already rendered to safe HTML by the server. */
export const HelpPublicArticleSchema = HelpArticleSummarySchema.extend({
  html: z.string(),
  updatedAt: z.string(),
  /** The full page in the public help center. */
  url: z.string(),
});
export const HelpPublicArticleResponseSchema = z.object({ article: HelpPublicArticleSchema });
export const HelpPopularResponseSchema = z.object({ articles: z.array(HelpArticleSummarySchema) });

export const HelpVoteRequestSchema = z.object({ helpful: z.boolean() });
