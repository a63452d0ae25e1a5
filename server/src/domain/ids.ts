/**
 * @module Unguessable, URL-safe record ids with a prefix that says what they name.
 */
import { randomBytes } from 'node:crypto';

export type IdPrefix = 'site' | 'agt' | 'vis' | 'conv' | 'msg' | 'pk' | 'trq' | 'cnd' | 'note' | 'mail' | 'rule' | 'inv';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
