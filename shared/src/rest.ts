/**
 * @module REST payloads: agent sign-in, the public widget config, health, and the error body.
 */
import { z } from 'zod';
import { AgentSchema } from './models.ts';
import { WidgetConfigSchema } from './widget-config.ts';
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
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const AgentResponseSchema = z.object({ agent: AgentSchema });
export type AgentResponse = z.infer<typeof AgentResponseSchema>;

export const WidgetConfigResponseSchema = WidgetConfigSchema;

export const SiteKeyParamsSchema = z.object({ siteKey: z.string().min(1).max(128) });

export const HealthResponseSchema = z.object({ status: z.literal('ok') });

const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
