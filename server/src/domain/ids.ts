/**
 * @module Unguessable, URL-safe record ids with a prefix that says what they name.
 */
import { randomFillSync } from 'node:crypto';

export type IdPrefix =
  | 'site'
  | 'agt'
  | 'vis'
  | 'conv'
  | 'msg'
  | 'pk'
  | 'trq'
  | 'cnd'
  | 'note'
  | 'mail'
  | 'rule'
  | 'inv'
  | 'att'
  // outbound webhooks: endpoint, event, delivery
  | 'whk'
  | 'evt'
  | 'whd'
  // help center: category, article, revision, measured event
  | 'hcat'
  | 'hart'
  | 'hrev'
  | 'hevt'
  // help-console: a picture in a help article
  | 'himg'
  // message revisions (edits and deletes)
  | 'rev'
  // public API tokens (issue 21)
  | 'tok';

const ID_BYTES = 12;
// Random bytes are drawn for many ids at once and never reused: one call into the CSPRNG per 256
// ids instead of one per id (it was 4% of the server's CPU on the message path, `pnpm bench`).
const pool = Buffer.alloc(ID_BYTES * 256);
let offset = pool.length;

export function newId(prefix: IdPrefix): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString('base64url', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `${prefix}_${id}`;
}
