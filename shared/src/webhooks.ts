/**
 * @module Outbound webhooks (issue 21): the events a site's endpoints subscribe to, the envelope every
 * delivery carries (its `data` built from the shared models), and the admin's endpoints and
 * deliveries as the console reads them. The admin routes are in webhook-routes.ts.
 */
import { z } from 'zod';
import { ConversationSchema, IdSchema, IsoDateSchema, MessageSchema, VisitorAttributeValueSchema } from './models.ts';
import { TicketSchema } from './tickets.ts';

/** Events an endpoint can subscribe to, in the order the console lists them. */
export const WEBHOOK_EVENT_TYPES = [
  'conversation.created',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.closed',
  'conversation.reopened',
  'message.created',
  'ticket.created',
  'ticket.replied',
  'ticket.solved',
  'rating.created',
  'visitor.identified',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** Sent by "Send test event" to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** A visitor as a webhook carries it (visitor.identified). */
export const WebhookVisitorSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The host app's user id, only when proven with the site's HMAC (verified). */
  externalUserId: z.string().nullable(),
  verified: z.boolean(),
  attributes: z.record(z.string(), VisitorAttributeValueSchema),
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
});
export type WebhookVisitor = z.infer<typeof WebhookVisitorSchema>;

/** The `data` of each event type. */
export const WebhookEventDataSchemas = {
  'conversation.created': z.object({ conversation: ConversationSchema }),
  'conversation.assigned': z.object({ conversation: ConversationSchema }),
  'conversation.transferred': z.object({ conversation: ConversationSchema, fromAgentId: IdSchema }),
  'conversation.closed': z.object({ conversation: ConversationSchema }),
  'conversation.reopened': z.object({ conversation: ConversationSchema }),
  'message.created': z.object({ conversation: ConversationSchema, message: MessageSchema }),
  'ticket.created': z.object({ ticket: TicketSchema }),
  'ticket.replied': z.object({ ticket: TicketSchema, message: MessageSchema }),
  'ticket.solved': z.object({ ticket: TicketSchema }),
  'rating.created': z.object({
    conversation: ConversationSchema,
    rating: z.object({ score: z.number().int().min(1).max(5), comment: z.string().nullable() }),
  }),
  'visitor.identified': z.object({ visitor: WebhookVisitorSchema }),
  [WEBHOOK_TEST_EVENT]: z.object({ endpointId: IdSchema, message: z.string() }),
} as const;

export type WebhookEventData = {
  [K in keyof typeof WebhookEventDataSchemas]: z.infer<(typeof WebhookEventDataSchemas)[K]>;
};

/** What a receiver gets as the request body: one event. */
export const WebhookEventSchema = z.object({
  /** The same on every retry and redelivery of this event: receivers deduplicate by it. */
  id: IdSchema,
  type: z.string(),
  /** When it happened (the delivery's signature carries when it was sent). */
  createdAt: IsoDateSchema,
  siteId: IdSchema.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

// the admin's view

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  url: z.string(),
  events: z.array(WebhookEventTypeSchema),
  enabled: z.boolean(),
  /** The secret's last four characters, so an admin can tell which one a receiver holds. */
  secretHint: z.string(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookDeliveryStatusSchema = z.enum(['pending', 'sending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  eventType: z.string(),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int().min(0),
  /** While pending: when it is tried next. */
  nextAttemptAt: IsoDateSchema,
  lastAttemptAt: IsoDateSchema.nullable(),
  /** The receiver's HTTP status on the last attempt; null when none came (refused, timed out). */
  responseStatus: z.number().int().nullable(),
  /** The start of the receiver's last answer, or why the attempt failed. */
  responseExcerpt: z.string().nullable(),
  createdAt: IsoDateSchema,
  deliveredAt: IsoDateSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

export const CreateWebhookRequestSchema = z.strictObject({
  url: WebhookUrlSchema,
  events: z.array(WebhookEventTypeSchema).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length),
  enabled: z.boolean().optional(),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequestSchema>;

export const UpdateWebhookRequestSchema = z
  .strictObject({
    url: WebhookUrlSchema.optional(),
    events: z
      .array(WebhookEventTypeSchema)
      .min(1, 'choose at least one event')
      .max(WEBHOOK_EVENT_TYPES.length)
      .optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'change at least one of url, events, enabled');
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequestSchema>;

export const WebhookParamsSchema = z.object({ siteId: IdSchema, endpointId: IdSchema });
export const WebhookDeliveryParamsSchema = WebhookParamsSchema.extend({ deliveryId: IdSchema });

export const WebhookListResponseSchema = z.object({ endpoints: z.array(WebhookEndpointSchema) });
export const WebhookResponseSchema = z.object({ endpoint: WebhookEndpointSchema });
/** Create and rotate: the whole secret, this once. */
export const WebhookWithSecretResponseSchema = z.object({ endpoint: WebhookEndpointSchema, secret: z.string() });
export const WebhookDeliveriesResponseSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });
export const WebhookDeliveryResponseSchema = z.object({ delivery: WebhookDeliverySchema });
