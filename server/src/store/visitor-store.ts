/**
 * @module Visitors: one row per widget visitor, with the profile identify, pre-chat and offline messages give.
 */
export type VisitorAttributes = Record<string, string | number | boolean | null>;

export interface VisitorProfile {
  /** The host app's user id, kept only when proven with the site's HMAC. */
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  attributes: VisitorAttributes;
  verified: boolean;
  /** The visitor's IANA time zone as their browser reported it, or null. */
  timeZone: string | null;
}

export interface VisitorRecord extends VisitorProfile {
  id: string;
  siteId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** What an identify or an offline message changes; a field left undefined keeps what is stored. */
export interface VisitorProfileUpdate {
  externalUserId?: string | null;
  name?: string;
  email?: string;
  attributes?: VisitorAttributes;
  verified?: boolean;
  timeZone?: string;
}

export interface VisitorStore {
  ensure(id: string, siteId: string, now: string): Promise<void>;
  findById(id: string): Promise<VisitorRecord | undefined>;
  /** The visitors among `ids` that have a row, in no particular order: one read for a whole list. */
  findManyById(ids: readonly string[]): Promise<VisitorRecord[]>;
  /** Creates the visitor if needed and applies the update. */
  updateProfile(id: string, siteId: string, update: VisitorProfileUpdate, now: string): Promise<VisitorRecord>;
  /**
   * The site's other visitors verified as this host-app user (other browsers of one person), most
   * recently seen first, at most `limit`.
   */
  findVerifiedUser(siteId: string, externalUserId: string, excludeId: string, limit: number): Promise<VisitorRecord[]>;
}
