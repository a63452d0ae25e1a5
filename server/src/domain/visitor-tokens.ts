/**
 * @module Signed visitor tokens: the visitor's identity, kept by the widget, bound to one site.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newId } from './ids.ts';

export interface VisitorIdentity {
  visitorId: string;
  siteId: string;
}

export class VisitorTokens {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  #sign(visitorId: string, siteId: string): string {
    return createHmac('sha256', this.#secret).update(`visitor:v1:${siteId}:${visitorId}`).digest('base64url');
  }

  issue(siteId: string): { token: string; visitorId: string } {
    const visitorId = newId('vis');
    return { token: `${visitorId}.${this.#sign(visitorId, siteId)}`, visitorId };
  }

  tokenFor(identity: VisitorIdentity): string {
    return `${identity.visitorId}.${this.#sign(identity.visitorId, identity.siteId)}`;
  }

  /** The visitor id if the token was issued by us for this site; undefined otherwise. */
  verify(token: string, siteId: string): string | undefined {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const visitorId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#sign(visitorId, siteId), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return visitorId;
  }
}
