/**
 * @module REST payloads of the reports (admins only): figures over a date range read in a time
 * zone, the CSV export's query, and the live "agents now" view. Definitions of every figure are in
 * server/src/domain/report-figures.ts and the README.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './models.ts';
import { TimeZoneSchema } from './admin.ts';
import { AgentStatusSchema } from './agent-workflow.ts';

/** Longest range one report covers: a year, leap day included. */
const MAX_REPORT_DAYS = 366;

/** A calendar date (YYYY-MM-DD) as people pick it, read in the report's time zone. */
const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-29')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date');

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Both ends inclusive. The time zone defaults to the site's (its business hours zone), or UTC for all sites. */
export const ReportQuerySchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    siteId: IdSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportCsvViewSchema = z.enum(['day', 'agent', 'site']);
export type ReportCsvView = z.infer<typeof ReportCsvViewSchema>;
/** The CSV export: the report's query and which table (one row per day, agent or site). */
export const ReportCsvQuerySchema = z.intersection(
  ReportQuerySchema,
  z.object({ view: ReportCsvViewSchema.default('day') }),
);

/** Median and 90th percentile in seconds; null when nothing was measured. */
export const DurationStatsSchema = z.object({
  count: z.number().int().min(0),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStatsSchema>;

export const ReportFiguresSchema = z.object({
  conversations: z.number().int().min(0),
  /** Ended without an agent ever taking it: left the queue, or left as an offline message. */
  missed: z.number().int().min(0),
  becameTickets: z.number().int().min(0),
  transfers: z.number().int().min(0),
  waitSeconds: DurationStatsSchema,
  firstResponseSeconds: DurationStatsSchema,
  resolutionSeconds: DurationStatsSchema,
  firstContactResolution: z.object({
    resolved: z.number().int().min(0),
    eligible: z.number().int().min(0),
    /** resolved / eligible, 0–1; null when nothing was eligible. */
    rate: z.number().min(0).max(1).nullable(),
  }),
  csat: z.object({
    responses: z.number().int().min(0),
    average: z.number().nullable(),
    /** How many ratings of 1, 2, 3, 4 and 5, in that order. */
    distribution: z.array(z.number().int().min(0)).length(5),
  }),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

export const ReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  siteId: IdSchema.nullable(),
  totals: ReportFiguresSchema,
  /** Every day of the range in order, empty days included: what the charts draw. */
  perDay: z.array(z.object({ date: z.string(), figures: ReportFiguresSchema })),
  perAgent: z.array(z.object({ agentId: IdSchema, agentName: z.string(), figures: ReportFiguresSchema })),
  perSite: z.array(z.object({ siteId: IdSchema, siteName: z.string(), figures: ReportFiguresSchema })),
  /** Conversations started by a proactive rule's message, per rule. */
  perRule: z.array(z.object({ ruleId: z.string(), conversations: z.number().int().min(0) })),
});
export type Report = z.infer<typeof ReportSchema>;
export const ReportResponseSchema = z.object({ report: ReportSchema });

const AgentNowSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** offline when no console of theirs is connected, whatever they last chose. */
  status: AgentStatusSchema,
  activeChats: z.number().int().min(0),
  capacity: z.number().int().min(0),
});

export const AgentsNowSchema = z.object({
  at: IsoDateSchema,
  agents: z.array(AgentNowSchema),
  queue: z.object({ length: z.number().int().min(0), longestWaitSeconds: z.number().min(0).nullable() }),
});
export type AgentsNow = z.infer<typeof AgentsNowSchema>;
export const AgentsNowResponseSchema = z.object({ agentsNow: AgentsNowSchema });

// ── Privacy requests ─────────────────────────────────────────────────────────

export const VisitorIdParamsSchema = z.object({ visitorId: IdSchema });
