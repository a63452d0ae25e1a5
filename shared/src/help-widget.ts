/**
 * @module The help center in the widget (issue 20, widget side): the site's help mode, the widget's
 * report of the articles it suggested, and what an agent sees of the articles a visitor was shown,
 * opened and voted on.
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import { HelpSlugSchema } from './help-articles.ts';

/**
 * How the widget offers the help center: `chat` (the chat first; articles suggested while the visitor
 * writes, a help view a click away), `help-first` (the help view first, the chat a click away) or
 * `articles-only` (the help view and no chat at all).
 */
export const HelpModeSchema = z.enum(['chat', 'help-first', 'articles-only']);
export type HelpMode = z.infer<typeof HelpModeSchema>;

/** The most articles one report of suggestions names (the widget shows three). */
export const HELP_SHOWN_MAX = 5;

/** The articles the widget suggested above the message box (by slug, in the given locale). */
export const HelpShownRequestSchema = z.object({ slugs: z.array(HelpSlugSchema).min(1).max(HELP_SHOWN_MAX) });

/** One article a visitor met in the widget, newest first: suggested, opened, and the vote if any. */
export const VisitorHelpArticleSchema = z.object({
  articleId: IdSchema,
  siteId: IdSchema,
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  shown: z.boolean(),
  opened: z.boolean(),
  /** "Did this help?": null when the visitor did not answer. */
  helpful: z.boolean().nullable(),
  /** The latest time the visitor met it. */
  at: z.string(),
});
export type VisitorHelpArticle = z.infer<typeof VisitorHelpArticleSchema>;
export const VisitorHelpResponseSchema = z.object({ articles: z.array(VisitorHelpArticleSchema) });
