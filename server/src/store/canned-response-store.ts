/**
 * @module Canned responses: the shared set and each agent's personal ones.
 */
import type { CannedResponse, OfferContent } from '@parley/shared';

export interface CannedResponseRecord extends CannedResponse {
  /** null for a shared response; the owning agent's id for a personal one. */
  ownerId: string | null;
}

export interface CannedResponseStore {
  /** The shared responses and the agent's personal ones: shared first, each by shortcut. */
  listFor(agentId: string): Promise<CannedResponseRecord[]>;
  findById(id: string): Promise<CannedResponseRecord | undefined>;
  /** Fails with a Conflict ParleyError when the owner (or the shared set) already has the shortcut. */
  create(input: {
    id: string;
    ownerId: string | null;
    shortcut: string;
    body: string;
    content?: OfferContent | null;
    now: string;
  }): Promise<CannedResponseRecord>;
  /** Undefined when it is gone; a Conflict ParleyError when the new shortcut is taken. */
  update(
    id: string,
    changes: { shortcut: string; body: string; content?: OfferContent | null; now: string },
  ): Promise<CannedResponseRecord | undefined>;
  /** True when something was deleted. */
  delete(id: string): Promise<boolean>;
}
