/**
 * @module Which domain events become which webhook events, and the `data` each carries, in the
 * shared models' shapes (a summary loses the agents-only fields; a visitor record its time zone).
 */
import type { Conversation, WebhookEventData, WebhookEventType, WebhookVisitor } from '@parley/shared';
import type { DomainEvent } from '../events.ts';
import type { VisitorRecord } from '../../store/visitor-store.ts';

/** One site's event of one type, ready to be put in an envelope. */
export type SiteWebhookEvent = {
  [K in WebhookEventType]: { type: K; siteId: string; data: WebhookEventData[K] };
}[WebhookEventType];

/**
 * Only the conversation's own fields (ConversationSchema's), nothing agents-only a summary adds.
 * Picked by hand, not parsed: this runs for every message, webhooks or not.
 */
export function conversationOf(c: Conversation): Conversation {
  const { id, siteId, visitorId, visitorName, visitorEmail, visitorVerified, status, agent, createdAt } = c;
  const { assignedAt, closedAt, closedBy, lastSeq, visitorSeenSeq, agentSeenSeq, rating, ratingComment } = c;
  return {
    id,
    siteId,
    visitorId,
    visitorName,
    visitorEmail,
    visitorVerified,
    status,
    agent,
    createdAt,
    assignedAt,
    closedAt,
    closedBy,
    lastSeq,
    visitorSeenSeq,
    agentSeenSeq,
    rating,
    ratingComment,
  };
}

export function visitorOf(visitor: VisitorRecord): WebhookVisitor {
  const { id, siteId, name, email, externalUserId, verified, attributes, createdAt, lastSeenAt } = visitor;
  return { id, siteId, name, email, externalUserId, verified, attributes, createdAt, lastSeenAt };
}

/** The webhook event a domain event is, or undefined for the many that are none. */
export function webhookEventOf(event: DomainEvent): SiteWebhookEvent | undefined {
  switch (event.type) {
    case 'conversation.created':
    case 'conversation.closed':
    case 'conversation.reopened':
    case 'conversation.assigned': {
      const conversation = conversationOf(event.conversation);
      return { type: event.type, siteId: conversation.siteId, data: { conversation } };
    }
    case 'conversation.transferred': {
      const conversation = conversationOf(event.conversation);
      return {
        type: 'conversation.transferred',
        siteId: conversation.siteId,
        data: { conversation, fromAgentId: event.fromAgentId },
      };
    }
    case 'message.created': {
      const conversation = conversationOf(event.conversation);
      return { type: 'message.created', siteId: conversation.siteId, data: { conversation, message: event.message } };
    }
    case 'conversation.rated': {
      const conversation = conversationOf(event.conversation);
      if (conversation.rating === null) return undefined;
      return {
        type: 'rating.created',
        siteId: conversation.siteId,
        data: { conversation, rating: { score: conversation.rating, comment: conversation.ratingComment } },
      };
    }
    case 'visitor.identified':
      return { type: 'visitor.identified', siteId: event.visitor.siteId, data: { visitor: visitorOf(event.visitor) } };
    case 'ticket.created':
    case 'ticket.solved':
      return { type: event.type, siteId: event.ticket.siteId, data: { ticket: event.ticket } };
    case 'ticket.replied':
      return {
        type: 'ticket.replied',
        siteId: event.ticket.siteId,
        data: { ticket: event.ticket, message: event.message },
      };
    case 'conversation.updated':
    case 'message.changed':
    case 'queue.changed':
    case 'note.created':
    case 'agent.status':
    case 'availability.changed':
    case 'typing':
    case 'seen':
    case 'agent.sessions-ended':
    case 'agent.session-ended':
    case 'visitor.changed':
    case 'queue.overdue':
    case 'ticket.updated':
    case 'ticket.message':
    case 'proactive.invited':
    case 'bot.handed_off':
    case 'message.streaming':
      // not (yet) offered to webhooks; private notes never are
      return undefined;
  }
}
