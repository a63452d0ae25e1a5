/**
 * @module What agents see of visitors: the panel beside a conversation (who, where, with what
 * browser, what came before) and the live list of visitors on the sites now. Asked for on the
 * /agent namespace and pushed there when a visitor connects, leaves or moves to another page.
 */
import { z } from 'zod';
import { ConversationStatusSchema, IdSchema, IsoDateSchema, VisitorAttributeValueSchema } from './models.ts';
import { ConversationRefSchema, EmptySchema } from './visitor-events.ts';
import { VisitorInviteRequestSchema, VisitorInviteResultSchema } from './proactive-rules.ts';
import type { ClientEventSpec } from './event-map.ts';

const VisitedPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  referrer: z.string().nullable(),
  at: IsoDateSchema,
});

export const PastConversationSchema = z.object({
  id: IdSchema,
  createdAt: IsoDateSchema,
  status: ConversationStatusSchema,
  /** The visitor's opening message, or null when they never wrote one. */
  firstMessage: z.string().nullable(),
});
export type PastConversation = z.infer<typeof PastConversationSchema>;

/** Browser and OS read from the visitor's User-Agent header; null when it names neither. */
export const VisitorSoftwareSchema = z.object({ browser: z.string().nullable(), os: z.string().nullable() });
export type VisitorSoftware = z.infer<typeof VisitorSoftwareSchema>;

export const VisitorDetailsSchema = z.object({
  visitorId: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The identity was proven with the site's HMAC; only then is externalUserId kept. */
  verified: z.boolean(),
  externalUserId: z.string().nullable(),
  attributes: z.record(z.string(), VisitorAttributeValueSchema),
  /** The visitor's IANA time zone, as their browser last reported it; null when unknown. */
  timeZone: z.string().nullable(),
  /** Connected to the site now; software and onlineSince describe that connection. */
  online: z.boolean(),
  onlineSince: IsoDateSchema.nullable(),
  software: VisitorSoftwareSchema.nullable(),
  /** Latest first; the first entry is the current page. */
  pages: z.array(VisitedPageSchema),
  /** Where the visitor came from: the referrer of the earliest page listed that reported one. */
  referrer: z.string().nullable(),
  /** The visitor's other conversations, newest first. */
  previousConversations: z.array(PastConversationSchema),
});
export type VisitorDetails = z.infer<typeof VisitorDetailsSchema>;

export const LiveVisitorSchema = z.object({
  visitorId: IdSchema,
  siteId: IdSchema,
  name: z.string().nullable(),
  currentPage: z.object({ url: z.string(), title: z.string() }).nullable(),
  onlineSince: IsoDateSchema,
  /** Has a queued or active conversation. */
  chatting: z.boolean(),
  software: VisitorSoftwareSchema,
});
export type LiveVisitor = z.infer<typeof LiveVisitorSchema>;

export const LiveVisitorsSchema = z.object({ visitors: z.array(LiveVisitorSchema) });
export type LiveVisitors = z.infer<typeof LiveVisitorsSchema>;

export const agentVisitorClientEvents = {
  /** The visitor of a conversation the agent holds or that waits in the queue. */
  'visitor:details': { payload: ConversationRefSchema, ack: VisitorDetailsSchema },
  'visitors:live': { payload: EmptySchema, ack: LiveVisitorsSchema },
  /** Shows a proactive message from this agent in a live visitor's widget; a reply starts a chat. */
  'visitor:invite': { payload: VisitorInviteRequestSchema, ack: VisitorInviteResultSchema },
} as const satisfies Record<string, ClientEventSpec>;

export type AgentVisitorClientEvents = typeof agentVisitorClientEvents;
