/**
 * @module The help center's report (admins only): what visitors read, searched for, found nothing
 * for (content gaps), voted, and how many were deflected: shown or opened articles and started no
 * chat within DEFLECTION_WINDOW_MINUTES. Same range, site and time zone rules as the support report
 * (reports.ts); the definitions are in server/src/domain/help-center/help-deflection.ts and
 * docs/help-center.md.
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import { ReportQuerySchema } from './reports.ts';
import type { RestRoute } from './rest-routes.ts';

/** A visitor who was shown or opened an article and started no chat within this many minutes was deflected. */
export const DEFLECTION_WINDOW_MINUTES = 30;

/** How many of the most frequent zero-result queries a report lists. */
export const CONTENT_GAPS_LISTED = 50;

const count = z.number().int().min(0);
/** 0–1; null when there was nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

export const HelpDeflectionSchema = z.object({
  /** Visitors (widget) shown or opened at least one article in the range, decided: deflected + chatted. */
  visitors: count,
  deflected: count,
  /** Started a chat within the window after being shown or opening an article. */
  chatted: count,
  /** Shown or opened an article less than the window ago and no chat yet: not decided, in neither count. */
  pending: count,
  /** deflected / visitors. */
  rate,
});
export type HelpDeflection = z.infer<typeof HelpDeflectionSchema>;

export const HelpArticleFiguresSchema = z.object({
  articleId: z.string(),
  /** Null when the article has been deleted since (its counts stay). */
  title: z.string().nullable(),
  locale: z.string().nullable(),
  slug: z.string().nullable(),
  siteId: IdSchema.nullable(),
  /** Times the widget suggested it to a visitor. */
  shown: count,
  views: count,
  helpfulVotes: count,
  unhelpfulVotes: count,
  /** helpful / all votes. */
  helpfulRate: rate,
  /** Visitors shown or opened this article who were deflected. */
  deflected: count,
});
export type HelpArticleFigures = z.infer<typeof HelpArticleFiguresSchema>;

export const HelpReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  siteId: IdSchema.nullable(),
  /** Articles opened: in the widget, as a public page, or by an agent. */
  views: count,
  searches: count,
  /** Searches that found no article. */
  zeroResultSearches: count,
  helpfulVotes: count,
  unhelpfulVotes: count,
  helpfulRate: rate,
  deflection: HelpDeflectionSchema,
  /** The most frequent queries that found nothing, most frequent first. */
  contentGaps: z.array(z.object({ query: z.string(), count: count })),
  /** Every article viewed, voted on or shown in the range, most viewed first. */
  articles: z.array(HelpArticleFiguresSchema),
});
export type HelpReport = z.infer<typeof HelpReportSchema>;
export const HelpReportResponseSchema = z.object({ helpReport: HelpReportSchema });

export const HelpReportCsvViewSchema = z.enum(['article', 'gap']);
export type HelpReportCsvView = z.infer<typeof HelpReportCsvViewSchema>;
/** The CSV export: the report's query and which table (one row per article, or per content gap). */
export const HelpReportCsvQuerySchema = z.intersection(
  ReportQuerySchema,
  z.object({ view: HelpReportCsvViewSchema.default('article') }),
);

export const helpReportRoutes = {
  report: {
    method: 'GET',
    path: '/api/admin/reports/help',
    query: ReportQuerySchema,
    response: HelpReportResponseSchema,
  },
  /** A download: the browser follows a plain link with the session cookie. */
  csv: { method: 'GET', path: '/api/admin/reports/help.csv', query: HelpReportCsvQuerySchema },
} as const satisfies Record<string, RestRoute>;
