/**
 * @module Email status over REST (GET /api/email/status): whether ticket mail can go out at all.
 */
import { restRoutes, type EmailStatus } from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface EmailApi {
  status(): Promise<EmailStatus>;
}

export function createEmailApi(rest: RestClient): EmailApi {
  return { status: () => rest.call(restRoutes.email.status) };
}
