/**
 * @module The help center's data: per-site categories and articles (Markdown bodies, one locale each,
 * draft or published, ordered), each article's revision history, and the translation group that ties
 * the per-locale versions of one article together. REST payloads are in help-payloads.ts.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './models.ts';

/** `en`, `de`, `pt-br`: lower-case, so `/help/<site>/pt-br/` is one URL, not two. */
export const HelpLocaleSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/, 'a language tag such as en, de or pt-br'));
export type HelpLocale = z.output<typeof HelpLocaleSchema>;

/** The last part of an article's or category's URL: lower-case words joined by hyphens. */
export const HelpSlugSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits joined by single hyphens');

export const HelpArticleStatusSchema = z.enum(['draft', 'published']);
export type HelpArticleStatus = z.infer<typeof HelpArticleStatusSchema>;

export const HELP_TITLE_MAX = 200;
export const HELP_SUMMARY_MAX = 500;
/** A long guide fits; an accidental paste of a whole manual does not. */
export const HELP_BODY_MAX = 100_000;

export const HelpTitleSchema = z.string().trim().min(1, 'must not be empty').max(HELP_TITLE_MAX);
export const HelpSummarySchema = z.string().trim().max(HELP_SUMMARY_MAX);
export const HelpBodySchema = z.string().max(HELP_BODY_MAX);

export const HelpCategorySchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  locale: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  /** Order within the site and locale, from 0. */
  position: z.number().int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type HelpCategory = z.infer<typeof HelpCategorySchema>;

export const HelpArticleSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  /** null: not filed under a category (still searchable and listed on the home page's "all articles"). */
  categoryId: IdSchema.nullable(),
  /** Shared by the per-locale versions of one article; the first version's id. */
  translationGroupId: IdSchema,
  locale: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  /** Markdown. */
  body: z.string(),
  status: HelpArticleStatusSchema,
  /** Order within its category (or among uncategorised articles), from 0. */
  position: z.number().int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  publishedAt: IsoDateSchema.nullable(),
});
export type HelpArticle = z.infer<typeof HelpArticleSchema>;

/** What a change did; `imported` marks articles brought in by an import. */
export const HelpRevisionActionSchema = z.enum(['created', 'updated', 'published', 'unpublished', 'imported']);
export type HelpRevisionAction = z.infer<typeof HelpRevisionActionSchema>;

/** One saved state of an article: who changed it, when, how, and the content it then had. */
export const HelpRevisionSchema = z.object({
  id: IdSchema,
  articleId: IdSchema,
  /** 1 for the first, counting up per article. */
  number: z.number().int().min(1),
  action: HelpRevisionActionSchema,
  /** The agent who made the change; null when the agent has since been removed or it was a system import. */
  authorId: IdSchema.nullable(),
  authorName: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  slug: z.string(),
  status: HelpArticleStatusSchema,
  /** Which fields differ from the previous revision (empty for the first). */
  changed: z.array(z.string()),
  createdAt: IsoDateSchema,
});
export type HelpRevision = z.infer<typeof HelpRevisionSchema>;

/** What a reader (widget, public page, agent's search) needs to show an article in a list. */
export const HelpArticleSummarySchema = z.object({
  id: IdSchema,
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  summary: z.string(),
  categoryId: IdSchema.nullable(),
});
export type HelpArticleSummary = z.infer<typeof HelpArticleSummarySchema>;
