/**
 * @module REST payloads of sign-in and the public widget config, and the error body every endpoint
 * answers with. The routes that carry them are in rest-routes.ts.
 */
import { z } from 'zod';
import { AgentSchema } from './models.ts';
import { ErrorCode } from './error-codes.ts';

/** Any address a mail server accepts, including single-label hosts such as the default admin@localhost. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');

export const LoginRequestSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(1024),
});

export const AgentResponseSchema = z.object({ agent: AgentSchema });

export const SiteKeyParamsSchema = z.object({ siteKey: z.string().min(1).max(128) });

const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
});
