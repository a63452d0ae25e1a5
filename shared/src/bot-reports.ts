/**
 * @module The answer bot's report (admins only, issue 22): per site and date range, the conversations
 * a bot handled, how many it resolved (containment) and handed off (escalation) and why, how long
 * until a handoff, the visitors' ratings of bot-resolved against agent-resolved conversations, and the
 * articles the bot offered. Same range, site and time zone rules as the support report (reports.ts).
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import { ReportQuerySchema } from './reports.ts';
import { HandoffReasonSchema } from './answer-bot.ts';
import type { RestRoute } from './rest-routes.ts';

const count = z.number().int().min(0);
/** 0–1; null when there was nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

export const RatingFiguresSchema = z.object({
  /** Conversations rated. */
  rated: count,
  /** Their mean rating (1–5); null when none was rated. */
  average: z.number().min(1).max(5).nullable(),
});

export const BotArticleFiguresSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  /** Conversations the bot offered it in. */
  offered: count,
  /** Of those, resolved by the bot. */
  resolved: count,
});

/** One kind of bot's part of the figures (built-in or external). */
export const BotModeFiguresSchema = z.object({
  handled: count,
  resolved: count,
  containmentRate: rate,
  handedOff: count,
  escalationRate: rate,
});
export type BotModeFigures = z.infer<typeof BotModeFiguresSchema>;

export const BotReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  siteId: IdSchema.nullable(),
  /** Conversations a bot started in the range. */
  handled: count,
  /** Ended by the visitor's "yes": resolved without a person. */
  resolved: count,
  /** resolved / handled. */
  containmentRate: rate,
  handedOff: count,
  /** handedOff / handled. */
  escalationRate: rate,
  handedOffBy: z.record(HandoffReasonSchema, count),
  /** Neither yet: still with the bot, or the visitor left without an answer. */
  open: count,
  /** Median seconds from the start to the handoff; null without a handoff. */
  medianSecondsToHandoff: z.number().min(0).nullable(),
  /** Ratings of the conversations the bot resolved, and of those agents resolved, in the same range and site. */
  csat: z.object({ botResolved: RatingFiguresSchema, agentResolved: RatingFiguresSchema }),
  /** The articles the bot offered, most offered first. */
  articles: z.array(BotArticleFiguresSchema),
  /** The same counts per kind of bot that started the conversations (bot-external). */
  byMode: z.object({ builtin: BotModeFiguresSchema, external: BotModeFiguresSchema }),
});
export type BotReport = z.infer<typeof BotReportSchema>;
export const BotReportResponseSchema = z.object({ botReport: BotReportSchema });

export const BotReportCsvViewSchema = z.enum(['summary', 'article']);
export type BotReportCsvView = z.infer<typeof BotReportCsvViewSchema>;
export const BotReportCsvQuerySchema = z.intersection(
  ReportQuerySchema,
  z.object({ view: BotReportCsvViewSchema.default('summary') }),
);

export const botReportRoutes = {
  report: {
    method: 'GET',
    path: '/api/admin/reports/bot',
    query: ReportQuerySchema,
    response: BotReportResponseSchema,
  },
  /** A download: the browser follows a plain link with the session cookie. */
  csv: { method: 'GET', path: '/api/admin/reports/bot.csv', query: BotReportCsvQuerySchema },
} as const satisfies Record<string, RestRoute>;
