/**
 * @module API tokens (issue 21): what an admin creates in the console for another system to call
 * /api/v1 with `Authorization: Bearer`. Scopes say what a token may do, siteIds (when set) which
 * sites it may touch. The plain token is shown once, at creation; the server keeps only its hash.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './models.ts';
import type { RestRoute } from './rest-routes.ts';

/** read: GET anything it may see; write: change conversations, visitors, tickets; admin: change sites. */
export const ApiScopeSchema = z.enum(['read', 'write', 'admin']);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** Every token's plain text starts with this, so a leaked one is easy to recognise (secret scanners). */
export const API_TOKEN_PREFIX = 'parley_';

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  scopes: z.array(ApiScopeSchema),
  /** null: every site. */
  siteIds: z.array(IdSchema).nullable(),
  /** The start of the plain token, to tell tokens apart; never enough to use one. */
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: IsoDateSchema,
  lastUsedAt: IsoDateSchema.nullable(),
  revokedAt: IsoDateSchema.nullable(),
  /** An external bot's token (issue 22): the site whose bot it is; it acts only on that bot's conversations. */
  botSiteId: IdSchema.nullable().optional(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  scopes: z
    .array(ApiScopeSchema)
    .min(1, 'choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
  /** null or absent: every site. */
  siteIds: z.array(IdSchema).min(1, 'choose at least one site, or none for every site').max(100).nullable().optional(),
});
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequestSchema>;

export const CreatedApiTokenResponseSchema = z.object({
  /** The plain token: shown once, never stored. */
  token: z.string(),
  apiToken: ApiTokenSchema,
});
export type CreatedApiTokenResponse = z.infer<typeof CreatedApiTokenResponseSchema>;
export const ApiTokenListResponseSchema = z.object({ apiTokens: z.array(ApiTokenSchema) });
export const ApiTokenResponseSchema = z.object({ apiToken: ApiTokenSchema });
export const ApiTokenIdParamsSchema = z.object({ tokenId: IdSchema });

/** The console's admin page for tokens (behind the admin role check of /api/admin). */
export const apiTokenRoutes = {
  list: { method: 'GET', path: '/api/admin/api-tokens', response: ApiTokenListResponseSchema },
  create: {
    method: 'POST',
    path: '/api/admin/api-tokens',
    request: CreateApiTokenRequestSchema,
    response: CreatedApiTokenResponseSchema,
  },
  revoke: {
    method: 'POST',
    path: '/api/admin/api-tokens/:tokenId/revoke',
    params: ApiTokenIdParamsSchema,
    response: ApiTokenResponseSchema,
  },
} as const satisfies Record<string, RestRoute>;
