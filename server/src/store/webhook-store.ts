/**
 * @module Outbound webhooks' storage: a site's endpoints, and the delivery outbox claimed by one
 * sender at a time across processes, each target's deliveries in the order they were stored.
 */
import type { WebhookDeliveryStatus, WebhookEventType } from '@parley/shared';

export interface WebhookEndpointRecord {
  id: string;
  siteId: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewWebhookDelivery {
  id: string;
  /** Deliveries with one key go out one at a time, oldest first. */
  targetKey: string;
  /** A site's endpoint (its current URL and secret are used), or null for a target of its own. */
  endpointId: string | null;
  /** Only without an endpoint: where it goes and what signs it. */
  url: string | null;
  secret: string | null;
  eventId: string;
  eventType: string;
  /** The request body, exactly as signed and sent. */
  body: string;
  createdAt: string;
}

export interface WebhookDeliveryRecord extends NewWebhookDelivery {
  status: WebhookDeliveryStatus;
  /** Attempts so far, the current one included once claimed. */
  attempts: number;
  nextAttemptAt: string;
  claimToken: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  responseExcerpt: string | null;
  deliveredAt: string | null;
}

/** How one attempt ended. */
export interface AttemptOutcome {
  at: string;
  responseStatus: number | null;
  responseExcerpt: string | null;
}

export interface WebhookStore {
  listEndpoints(siteId: string): Promise<WebhookEndpointRecord[]>;
  findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined>;
  createEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  /** Undefined when there is no such endpoint. */
  updateEndpoint(
    id: string,
    change: Partial<Pick<WebhookEndpointRecord, 'url' | 'secret' | 'events' | 'enabled'>>,
    now: string,
  ): Promise<WebhookEndpointRecord | undefined>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteEndpoint(id: string): Promise<boolean>;

  enqueue(deliveries: NewWebhookDelivery[]): Promise<void>;
  /**
   * Claims, for up to `limit` targets, the oldest unfinished delivery when it is due at `now`
   * (pending, or sending with an expired lease): each goes to exactly one caller across processes,
   * and a target's later deliveries wait until the earlier one is delivered or given up.
   */
  claimDue(input: {
    now: string;
    leaseUntil: string;
    limit: number;
    claimToken: string;
  }): Promise<WebhookDeliveryRecord[]>;
  /** Only the current claimer marks; false when the claim was lost. */
  markDelivered(id: string, claimToken: string, outcome: AttemptOutcome): Promise<boolean>;
  /** Back to pending at `retryAt`, or failed for good when retryAt is null. */
  markFailed(id: string, claimToken: string, outcome: AttemptOutcome, retryAt: string | null): Promise<boolean>;
  findDelivery(id: string): Promise<WebhookDeliveryRecord | undefined>;
  /** Deletes delivered and failed deliveries stored before `before` (they hold what was said); returns how many. */
  pruneFinished(before: string): Promise<number>;
  /** An endpoint's latest deliveries, newest first. */
  recentDeliveries(endpointId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}
