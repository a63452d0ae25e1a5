/**
 * @module Configuration: the only module that reads process.env. Parsed once at boot by a zod schema;
 * a bad environment stops the server with a readable list of what is wrong.
 */
import path from 'node:path';
import { z } from 'zod';
import { EmailSchema } from '@parley/shared';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PARLEY_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for the embedded SQLite file)')
      .optional(),
  ),
  PARLEY_ADMIN_EMAIL: optionalString.pipe(EmailSchema.optional()),
  PARLEY_ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  /** Signs visitor tokens. Without it a secret is generated once into PARLEY_DATA_DIR; set it when several processes share one database. */
  PARLEY_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Extra origins allowed to open the agent console's socket (e.g. a console dev server). Comma-separated. */
  CONSOLE_ORIGINS: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Where the built widget and console are; by default found in the checkout beside the server. */
  PARLEY_WIDGET_DIST: optionalString,
  PARLEY_CONSOLE_DIST: optionalString,
});

export interface Config {
  port: number;
  host: string;
  /** Undefined until known: with PORT=0 it is derived from the port the server got. */
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  admin: { email: string | undefined; password: string | undefined };
  secret: string | undefined;
  consoleOrigins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  widgetDist: string | undefined;
  consoleDist: string | undefined;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: path.resolve(e.PARLEY_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    admin: { email: e.PARLEY_ADMIN_EMAIL?.toLowerCase(), password: e.PARLEY_ADMIN_PASSWORD },
    secret: e.PARLEY_SECRET,
    consoleOrigins: (e.CONSOLE_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    widgetDist: e.PARLEY_WIDGET_DIST && path.resolve(e.PARLEY_WIDGET_DIST),
    consoleDist: e.PARLEY_CONSOLE_DIST && path.resolve(e.PARLEY_CONSOLE_DIST),
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
